using System.Text.Json;
using System.Text.RegularExpressions;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Throughput;

public class SweepCommandTests
{
    private static readonly string Root = CliRunner.RepoRoot;

    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), $"fitcheck-{Guid.NewGuid():N}-{name}");

    [Fact]
    public void TheSvgChartHasEverySeriesTheAxisLabelsAndTheCapacityLine()
    {
        var svg = Temp("sweep.svg");
        var r = CliRunner.Run(Root, "sweep", "zoo:resnet50", "zoo:yolov3", "-r", "224,416,608", "-a", "inferx-x1", "--chart", svg, "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var text = Regex.Replace(File.ReadAllText(svg), @"\s+", " ");
        foreach (var label in new[] { "resnet50 weights", "resnet50 activations", "resnet50 total", "yolov3 weights", "yolov3 activations",
                     "yolov3 total", "inferx-x1 on-chip (8.4 MB)", "Image size (megapixels)", "Memory needed (MB, int8)" })
        {
            Assert.Contains("> " + label + " <", text);
        }

        var fps = Regex.Replace(File.ReadAllText(Path.ChangeExtension(svg, null) + "-fps.svg"), @"\s+", " ");
        Assert.Contains("> yolov3 on inferx-x1 <", fps);
        Assert.Contains("> Estimated throughput (frames/s, log scale) <", fps);
    }

    [Fact]
    public void ThePngChartIsAPng()
    {
        var png = Temp("sweep.png");
        var r = CliRunner.Run(Root, "sweep", "zoo:resnet50", "-r", "224,448", "--chart", png);
        Assert.Equal(0, r.ExitCode);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.False(File.Exists(Path.ChangeExtension(png, null) + "-fps.png")); // no accelerator, no fps chart
    }

    [Fact]
    public void CsvRowsCarryTheWeightBytesThatDoNotDependOnResolution()
    {
        var r = CliRunner.Run(Root, "sweep", "zoo:resnet50", "-r", "224,448", "--format", "csv");
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("model,width,height,megapixels,weightBytes,activationBytes,codeBytes,totalBytes", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal(lines[1].Split(',')[4], lines[2].Split(',')[4]);
        Assert.Equal("0.050176", lines[1].Split(',')[3]); // 224 x 224 / 1e6
    }

    [Fact]
    public void ResolutionsAModelCannotTakeAreSkippedWithANote()
    {
        var r = CliRunner.Run(Root, "sweep", "zoo:yolov3", "-r", "600..640/8", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var points = doc.RootElement.GetProperty("points");
        Assert.Equal(2, points.GetArrayLength()); // 608 and 640 are multiples of 32
        Assert.Contains("skipped 4 resolution(s)", r.Error); // 600, 616, 624, 632
    }

    [Fact]
    public void AnUnknownAcceleratorSuggestsAPreset()
    {
        var r = CliRunner.Run(Root, "sweep", "zoo:resnet50", "-a", "hailo8");
        CliRunner.AssertCleanInputError(r, "FC0002");
        Assert.Contains("did you mean 'hailo-8'?", r.Error);
    }
}
