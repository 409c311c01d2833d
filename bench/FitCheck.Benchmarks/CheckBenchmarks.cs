using BenchmarkDotNet.Attributes;
using FitCheck.Evaluation;
using FitCheck.Manifest;
using FitCheck.Reports;

namespace FitCheck.Benchmarks;

/// <summary>
/// The whole `check` of examples/seed/fitcheck.yml in-process: read and parse the manifest, evaluate its
/// 9 deployments (ResNet-50 at 224x224, YOLOv3 at 608x608 and 1920x1088, on three accelerators) and write the
/// JSON report. What the MSBuild task costs a build, minus MSBuild's own task loading.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private string _manifest = "";

    [GlobalSetup]
    public void Setup() => _manifest = BenchPaths.SeedManifest;

    [Benchmark]
    public string CheckSeedManifest()
    {
        var report = ManifestCheck.Check(ManifestParser.ParseFile(_manifest));
        return JsonReport.ToString(report, "bench");
    }
}
