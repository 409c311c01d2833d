using FitCheck.Tests.Cli;
using FitCheck.Tests.Reports;

namespace FitCheck.Tests.Advice;

public sealed class AdviseCommandTests : IDisposable
{
    private const string Manifest = """
        version: 1
        accelerators:
          - name: bulk
            compute: 16 TOPS
            utilization: 60%
            memory:
              - name: bulk-sram
                size: 8 MiB
                bandwidth: 400 GB/s
              - name: dram
                size: 4 GiB
                bandwidth: 17 GB/s
        models:
          - name: yolov3
            source: zoo:yolov3
            resolutions: [1920x1088]
            deploy: [bulk]
            gates:
              weights: anywhere
              activations: on-chip
              headroom: 10%
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-advise-").FullName;

    public AdviseCommandTests() => File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), Manifest);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Reviewed: 1920x1088 keeps its 30:17 ratio on multiples of 32; the arena is 48·w·h int8 bytes (conv_1), so
    /// 512x288 needs 7,077,888 B, within 90 % of 8 MiB (7,549,747 B), and 544x320 needs 8,355,840 B, over it.
    /// </summary>
    [Fact]
    public void JsonContract()
    {
        Assert.True(48L * 512 * 288 <= (long)(8 * 1048576 * 0.9));
        Assert.True(48L * 544 * 320 > (long)(8 * 1048576 * 0.9));
        var r = CliRunner.Run(_dir, "advise", "fitcheck.yml", "--max-resolution", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        TextSnapshot.Match("advise.json", r.Out.Replace(FitCheck.Cli.FitCheckApp.Version, "VERSION", StringComparison.Ordinal));
    }

    [Fact]
    public void ConsoleGivesASentenceAndATable()
    {
        var r = CliRunner.Run(_dir, "advise", "fitcheck.yml", "--max-resolution", "--min-memory", "bulk-sram");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("yolov3 on bulk: every gate passes up to 512x288; at 544x320 (the next step) activations-fit fails", r.Out);
        Assert.Contains("│ yolov3 │ 1920x1088  │ bulk        │ max-resolution │ 512x288", r.Out);
        Assert.Contains("min-memory", r.Out);
    }

    [Fact]
    public void SameInputSameBytes()
    {
        var a = CliRunner.Run(_dir, "advise", "fitcheck.yml", "--max-resolution", "--precision", "--format", "json");
        var b = CliRunner.Run(_dir, "advise", "fitcheck.yml", "--max-resolution", "--precision", "--format", "json");
        Assert.Equal(a.Out, b.Out);
    }

    [Theory]
    [InlineData("FC0901", "--min-memory", "l3-cache")]
    [InlineData("FC0903", "--max-resolution", "--for", "min-fps")]
    [InlineData("FC0902", "--max-resolution", "--range", "1..31")]
    public void BadQuestionsAreLocatedInputErrors(string id, params string[] question)
    {
        var r = CliRunner.Run(_dir, ["advise", "fitcheck.yml", .. question]);
        CliRunner.AssertCleanInputError(r, id);
        Assert.Contains("fitcheck.yml(", r.Error); // at the deployment's line and column
    }

    [Theory]
    [InlineData("FC0905", "--max-resolution", "--range", "100..10")]
    [InlineData("FC0904")]
    [InlineData("FC0901", "--min-memory", "hbm")]
    public void BadAdHocQuestions(string id, params string[] question)
    {
        var r = CliRunner.Run(_dir, ["advise", "zoo:yolov3", "-a", "coral-edgetpu", .. question]);
        CliRunner.AssertCleanInputError(r, id);
    }

    [Fact]
    public void NoAnswerExitsOne()
    {
        // YOLOv3's 62 MB of weights fit no size of the Edge TPU's 8 MiB when they must stay on chip.
        var r = CliRunner.Run(_dir, "advise", "zoo:yolov3", "-a", "coral-edgetpu", "--max-resolution", "--weights", "on-chip");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no size from", r.Out);
    }
}
