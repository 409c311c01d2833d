using System.Text.Json;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Throughput;

public class ExplainCommandTests
{
    private static readonly string Root = CliRunner.RepoRoot;

    [Fact]
    public void JsonHasOneEntryPerExecutedLayerWhoseTimesAddUpToTheLatency()
    {
        var r = CliRunner.Run(Root, "explain", "zoo:resnet50", "-a", "inferx-x1", "-r", "224", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        var layers = root.GetProperty("layers");
        Assert.True(layers.GetArrayLength() > 50);
        var sum = layers.EnumerateArray().Sum(l => l.GetProperty("seconds").GetDouble());
        var latency = root.GetProperty("throughput").GetProperty("latencySeconds").GetDouble();
        var host = root.GetProperty("throughput").GetProperty("hostSeconds").GetDouble();
        Assert.True(host > 0);
        Assert.True(Math.Abs(sum + host - latency) < 1e-9 * latency);
        Assert.Equal(5, root.GetProperty("costliest").GetArrayLength());

        // The first conv reads the 224x224x3 int8 image (150,528 B) and writes 112x112x64 (802,816 B) on chip,
        // and reads its weights (7x7x3x64 = 9,408 B + 64 int32 biases = 256 B) from the L2, where they are cached.
        var conv1 = layers[0];
        Assert.Equal(150_528 + 802_816 + 9_664, conv1.GetProperty("bytes").GetProperty("l2-sram").GetInt64());
    }

    [Fact]
    public void JsonIsByteIdenticalAcrossRunsAndCultures()
    {
        var first = CliRunner.Run(Root, "explain", "zoo:yolov3", "-a", "inferx-x1", "-r", "608", "--format", "json").Out;
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(first, CliRunner.Run(Root, "explain", "zoo:yolov3", "-a", "inferx-x1", "-r", "608", "--format", "json").Out);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void TheConsoleTableEndsWithThePlacementAndTheCostliestLayers()
    {
        var r = CliRunner.Run(Root, "explain", "zoo:yolov3", "-a", "inferx-x1", "-r", "608");
        Assert.Equal(0, r.ExitCode);
        // 62.0 MB of weights: whole layers fill the L2 left after code and the arena, the rest stream.
        Assert.Contains("weights cached in l2-sram", r.Out);
        Assert.Contains("the rest streamed from lpddr4", r.Out);
        Assert.Contains("assumed: 8.74 TOPS peak x 82% utilization; efficiency: 64x64 MAC array, 64-lane vector unit, Winograd F(2x2,3x3)", r.Out);
        Assert.Contains("Costliest layers:", r.Out);
    }

    [Fact]
    public void MissingAcceleratorIsAnInputError() =>
        CliRunner.AssertCleanInputError(CliRunner.Run(Root, "explain", "zoo:resnet50"), "FC0002");
}
