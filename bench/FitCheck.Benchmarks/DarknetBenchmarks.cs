using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using FitCheck.Graph;
using FitCheck.Models.Darknet;

namespace FitCheck.Benchmarks;

/// <summary>
/// Cost of reading a Darknet .cfg and instantiating it: a Darknet-53 backbone (the YOLOv3 trunk) and the
/// same trunk repeated to ~5000 sections, which shows whether parsing stays linear in the file size.
/// </summary>
[MemoryDiagnoser]
public class DarknetBenchmarks
{
    private string _directory = "";
    private string _darknet53 = "";
    private string _large = "";
    private DarknetModel? _model;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"fitcheck-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(_directory);
        _darknet53 = Write("darknet53.cfg", Darknet53(repeat: 1));
        _large = Write("darknet53x70.cfg", Darknet53(repeat: 70));
        _model = DarknetModel.Load(_darknet53);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public DarknetModel LoadDarknet53() => DarknetModel.Load(_darknet53);

    [Benchmark]
    public DarknetModel LoadFiveThousandSections() => DarknetModel.Load(_large);

    [Benchmark]
    public Network BuildDarknet53At608() => _model!.Build(new Resolution(608, 608), 1);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Darknet53(int repeat)
    {
        var cfg = new StringBuilder("[net]\nbatch=64\nwidth=608\nheight=608\nchannels=3\n\n");
        Conv(cfg, 32, 3, 1);
        for (var r = 0; r < repeat; r++)
        {
            // At stride 1 every repeat keeps the shapes, so the repeated trunk still builds.
            var stride = r == 0 ? 2 : 1;
            foreach (var (filters, blocks) in new[] { (64, 1), (128, 2), (256, 8), (512, 8), (1024, 4) })
            {
                Conv(cfg, filters, 3, stride);
                for (var b = 0; b < blocks; b++)
                {
                    Conv(cfg, filters / 2, 1, 1);
                    Conv(cfg, filters, 3, 1);
                    cfg.Append("[shortcut]\nfrom=-3\nactivation=linear\n\n");
                }
            }
        }

        return cfg.ToString();
    }

    private static void Conv(StringBuilder cfg, int filters, int size, int stride) =>
        cfg.Append(CultureInfo.InvariantCulture,
            $"[convolutional]\nbatch_normalize=1\nfilters={filters}\nsize={size}\nstride={stride}\npad=1\nactivation=leaky\n\n");
}
