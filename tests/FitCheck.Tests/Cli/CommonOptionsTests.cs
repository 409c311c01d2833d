using System.Text.Json;
using FitCheck.Graph;
using FitCheck.Tests.Onnx;

namespace FitCheck.Tests.Cli;

/// <summary>
/// analyze, explain and sweep share one set of options and one precision policy (stated, else the model
/// file's own, else int8, with a note whenever it was not stated): the same file gives the same bytes.
/// </summary>
public sealed class CommonOptionsTests : IDisposable
{
    private static string Root => CliRunner.RepoRoot;

    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-common-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FloatOnnx()
    {
        var b = new NetworkBuilder("tiny", 1, 3, 32, 32);
        b.Conv(b.Input, 8, 3, activation: "relu");
        var path = Path.Combine(_dir, "tiny.onnx");
        NetworkToOnnx.Convert(b.Build()).Save(path);
        return path;
    }

    [Fact]
    public void AnalyzeAndSweepGiveTheSameWeightBytesForOneOnnxFile()
    {
        var model = FloatOnnx();
        var analyze = CliRunner.Run(_dir, "analyze", model, "-r", "32x32", "--format", "json");
        var sweep = CliRunner.Run(_dir, "sweep", model, "-r", "32", "--format", "json");
        Assert.Equal(0, analyze.ExitCode);
        Assert.Equal(0, sweep.ExitCode);
        using var a = JsonDocument.Parse(analyze.Out);
        using var s = JsonDocument.Parse(sweep.Out);
        var fromAnalyze = a.RootElement.GetProperty("results")[0].GetProperty("weightBytes").GetInt64();
        var fromSweep = s.RootElement.GetProperty("points")[0].GetProperty("weightBytes").GetInt64();

        // 8 filters x 3 x 3 x 3 = 216 float32 weights and 8 float32 biases: 224 x 4 B = 896 B (int8 would be 248 B).
        Assert.Equal(896, fromAnalyze);
        Assert.Equal(fromAnalyze, fromSweep);
        foreach (var r in new[] { analyze, sweep })
        {
            Assert.Contains("note: tiny: precision fp32, the model file's own", r.Error);
        }
    }

    [Fact]
    public void APrecisionThatIsGuessedIsSaidAndAStatedOneIsNot()
    {
        var guessed = CliRunner.Run(Root, "sweep", "zoo:resnet50", "-r", "224", "--format", "csv");
        Assert.Contains("note: resnet50: precision int8 assumed", guessed.Error);
        var stated = CliRunner.Run(Root, "analyze", "zoo:resnet50", "-p", "fp16", "--format", "json");
        Assert.DoesNotContain("precision", stated.Error);
        Assert.Contains("\"precision\": \"fp16\"", stated.Out);

        var model = FloatOnnx();
        var asInt8 = CliRunner.Run(_dir, "sweep", model, "-r", "32", "-p", "int8", "--format", "csv");
        Assert.Contains(",248,", asInt8.Out);
    }

    [Fact]
    public void AnalyzeWithAnAcceleratorAddsPlacementAndTheSameFpsAsExplain()
    {
        var r = CliRunner.Run(Root, "analyze", "zoo:resnet50", "-r", "224x224", "-a", "inferx-x1", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var result = doc.RootElement.GetProperty("results")[0];
        Assert.Equal("inferx-x1", result.GetProperty("accelerator").GetString());
        Assert.True(result.GetProperty("placement").GetProperty("fits").GetBoolean());
        var fps = result.GetProperty("throughput").GetProperty("fps").GetDouble();

        // Nothing was gated, so there is no verdict to claim a pass.
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("summary").GetProperty("verdict").ValueKind);

        var explain = CliRunner.Run(Root, "explain", "zoo:resnet50", "-r", "224x224", "-a", "inferx-x1", "--format", "json");
        using var e = JsonDocument.Parse(explain.Out);
        Assert.Equal(e.RootElement.GetProperty("throughput").GetProperty("fps").GetDouble(), fps);

        var table = CliRunner.Run(Root, "analyze", "zoo:resnet50", "-r", "224x224", "-a", "inferx-x1", "-a", "hailo-8");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("resnet50 224x224 on inferx-x1:", table.Out);
        Assert.Contains("resnet50 224x224 on hailo-8:", table.Out);
        Assert.Contains("fps", table.Out);
        Assert.DoesNotContain("pass", table.Out);
    }

    [Theory]
    [InlineData("check examples/seed/fitcheck.yml --formt json", "'--format'")]
    [InlineData("analyze zoo:resnet50 --precison fp16", "'--precision'")]
    [InlineData("sweep zoo:resnet50 --resolution 224", "'--resolutions'")]
    [InlineData("explain zoo:resnet50 -a inferx-x1 --acclerator x", "'--accelerator'")]
    [InlineData("sweeep zoo:resnet50", "'sweep'")]
    public void AMistypedOptionOrCommandGetsADidYouMean(string args, string suggestion)
    {
        var r = CliRunner.Run(Root, args.Split(' '));
        CliRunner.AssertCleanInputError(r, "FC0002");
        Assert.Contains($"did you mean {suggestion}?", r.Error);
    }

    [Fact]
    public void TheSharedOptionsHaveOneHelpText()
    {
        foreach (var command in new[] { "analyze", "explain", "sweep" })
        {
            var help = CliRunner.Run(Root, command, "--help").Out;
            Assert.Contains("-p|--precision <PRECISION>", help);
            Assert.Contains("Default: the model file's own", help);
            Assert.Contains("-i|--input <NAME_EQUALS_N>", help);
            Assert.Contains("-m|--manifest <FILE>", help);
            Assert.Contains("-o|--output <FILE>", help);
        }
    }
}
