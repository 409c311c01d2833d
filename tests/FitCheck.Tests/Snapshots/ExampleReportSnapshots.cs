using FitCheck.Tests.Cli;
using Snapshooter.Xunit;

namespace FitCheck.Tests.Snapshots;

/// <summary>
/// What users read for the seed example. The figures were checked by hand when accepted:
/// ResNet-50 @224 int8 25.53 M params, 4.09 GMAC, 25.6 MB weights, 1,806,336 B arena;
/// YOLOv3 61.92 M params, 70.35 GMAC @608, 17,743,872 B arena @608 and 100,270,080 B @1920x1088.
/// </summary>
public class ExampleReportSnapshots
{
    [Fact]
    public void ConsoleReport()
    {
        var r = CliRunner.Run(CliRunner.RepoRoot, "check", "examples/seed/fitcheck.yml");
        Assert.Equal(1, r.ExitCode);
        Snapshot.Match(r.Out);
    }

    [Fact]
    public void JsonReport()
    {
        var r = CliRunner.Run(CliRunner.RepoRoot, "check", "examples/seed/fitcheck.yml", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        Snapshot.Match(r.Out);
    }
}
