using FitCheck.Tests.Cli;
using Snapshooter;
using Snapshooter.Xunit;

namespace FitCheck.Tests.Snapshots;

/// <summary>
/// The pull-request reports of the bundled failing example and of its passing twin, through the real CLI.
/// Figures checked by hand when accepted: ResNet-50 @224 int8 weights 25,613,152 B, arena 1,806,336 B,
/// code 189,440 B; the failing NPU's 1 MiB SRAM (no headroom) is exceeded by 1,806,336 - 1,048,576 = 757,760 B
/// (757.8 kB) at the deploy entry, line 28 column 14; the passing twin's 4 MiB leaves 4,194,304 - 1,806,336 = 2.4 MB.
/// </summary>
public class PullRequestReportSnapshots
{
    private const string Failing = "examples/failing/fitcheck.yml";
    private const string Passing = "tests/FitCheck.Tests/Snapshots/Data/passing.yml";

    private static string Report(string manifest, string format, int expectedExit)
    {
        var r = CliRunner.Run(CliRunner.RepoRoot, "check", manifest, "--format", format);
        Assert.Equal(expectedExit, r.ExitCode);
        return r.Out;
    }

    [Theory]
    [InlineData("md")]
    [InlineData("junit")]
    [InlineData("sarif")]
    public void FailingExample(string format) =>
        Snapshot.Match(Report(Failing, format, 1), SnapshotNameExtension.Create(format));

    [Theory]
    [InlineData("md")]
    [InlineData("junit")]
    [InlineData("sarif")]
    public void PassingExample(string format) =>
        Snapshot.Match(Report(Passing, format, 0), SnapshotNameExtension.Create(format));
}
