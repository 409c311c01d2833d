using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using FitCheck.Manifest;

namespace FitCheck.Benchmarks;

/// <summary>
/// Manifest parsing alone (prescan, YAML tree, schema, units, cross-references): the seed manifest (2 KB),
/// and one with 200 models on 20 accelerators (about 60 KB), far more than a real project lists.
/// </summary>
[MemoryDiagnoser]
public class ManifestBenchmarks
{
    private string _seed = "";
    private string _large = "";

    [GlobalSetup]
    public void Setup()
    {
        _seed = File.ReadAllText(BenchPaths.SeedManifest);
        _large = Large(accelerators: 20, models: 200);
    }

    [Benchmark(Baseline = true)]
    public ManifestDocument ParseSeed() => ManifestParser.Parse("fitcheck.yml", _seed);

    [Benchmark]
    public ManifestDocument Parse200Models() => ManifestParser.Parse("large.yml", _large);

    private static string Large(int accelerators, int models)
    {
        var yaml = new StringBuilder("version: 1\naccelerators:\n");
        for (var i = 0; i < accelerators; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - name: npu-{i}
                    compute: {4 + i} TOPS
                    utilization: 60%
                    overlap: pipelined
                    memory:
                      - name: sram
                        size: {1 + i} MiB
                        bandwidth: 400 GB/s
                      - name: dram
                        size: 4 GiB
                        bandwidth: 17 GB/s

                """);
        }

        yaml.Append("models:\n");
        for (var i = 0; i < models; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - name: model-{i}
                    source: zoo:{(i % 2 == 0 ? "resnet50" : "yolov3")}
                    resolutions: [{224 + 32 * (i % 8)}x{224 + 32 * (i % 8)}, 608x608]
                    precision: int8
                    deploy: [npu-{i % accelerators}, npu-{(i + 1) % accelerators}]
                    gates:
                      weights: anywhere
                      activations: on-chip
                      headroom: 10%

                """);
        }

        return yaml.ToString();
    }
}
