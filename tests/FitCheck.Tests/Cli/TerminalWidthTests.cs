using FitCheck.Tests.Reports;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Cli;

/// <summary>
/// The console table fits the width it is given ($COLUMNS here, the terminal's otherwise): columns are
/// abbreviated, then dropped, and a figure is never split across lines. Snapshots reviewed at 60, 80 and 120.
/// </summary>
public sealed class TerminalWidthTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public void TheCheckTableFitsTheWidth(int width)
    {
        var r = CliRunner.Run(RepoPaths.Root, new Dictionary<string, string> { ["COLUMNS"] = width.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "check", "examples/seed/fitcheck.yml");

        Assert.Equal(1, r.ExitCode);
        var table = r.Out.Split('\n').TakeWhile(l => !l.StartsWith('╰')).ToList();
        Assert.All(table, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
        // Every table row is one line: nine deployments, nine rows that start with a model name.
        Assert.Equal(9, table.Count(l => l.StartsWith("│ resnet50", StringComparison.Ordinal) || l.StartsWith("│ yolov3", StringComparison.Ordinal)));
        Assert.Contains("│ 100.3 MB │", r.Out.Replace("  ", " ", StringComparison.Ordinal).Replace("│  ", "│ ", StringComparison.Ordinal));
        TextSnapshot.Match($"console-{width}.txt", r.Out);
    }

    [Fact]
    public void AFailureReasonIsOneLineEvenWhenPiped()
    {
        var r = CliRunner.Run(RepoPaths.Root, new Dictionary<string, string> { ["COLUMNS"] = "60" }, "check", "examples/seed/fitcheck.yml");

        var reason = Assert.Single(r.Out.Split('\n'), l => l.StartsWith("✗ yolov3 608x608 on bulk-sram: activations", StringComparison.Ordinal));
        Assert.EndsWith(" by 9.7 MiB", reason);
    }
}
