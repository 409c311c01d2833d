using BenchmarkDotNet.Attributes;
using FitCheck.Advice;
using FitCheck.Manifest;

namespace FitCheck.Benchmarks;

/// <summary>
/// `advise --max-resolution` over 10 models x 6 accelerator presets (bench/FitCheck.Benchmarks/advise-10x6.yml):
/// parse, then search every deployment's grid up to 8192 pixels with a fresh analysis cache, as the CLI does.
/// The budget is under a second.
/// </summary>
[MemoryDiagnoser]
public class AdviseBenchmarks
{
    private string _manifest = "";

    [GlobalSetup]
    public void Setup() => _manifest = BenchPaths.AdviseManifest;

    [Benchmark]
    public int MaxResolution10Models6Accelerators() =>
        Adviser.Advise(ManifestParser.ParseFile(_manifest), new AdviceQuestion(MaxResolution: true)).Answers.Count;

    [Benchmark]
    public int AllQuestions10Models6Accelerators() =>
        Adviser.Advise(ManifestParser.ParseFile(_manifest), new AdviceQuestion(MaxResolution: true, Precision: true, Batch: true, MaxBatch: 16)).Answers.Count;
}
