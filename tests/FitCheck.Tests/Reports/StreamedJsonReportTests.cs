using FitCheck.Cli;
using FitCheck.Manifest;
using FitCheck.Reports;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Reports;

/// <summary>
/// JSON reports written to a file are streamed (10^5 deployments are ~280 MB of JSON, which must never be one
/// string): the streamed bytes are the ones stdout gets, through --output and --report alike.
/// </summary>
public sealed class StreamedJsonReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-stream-").FullName;

    public StreamedJsonReportTests() =>
        File.Copy(RepoPaths.Of("examples", "seed", "fitcheck.yml"), Path.Combine(_dir, "fitcheck.yml"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheStreamedReportIsByteForByteTheRenderedOne()
    {
        var report = ManifestCheck.Check(ManifestParser.ParseFile(RepoPaths.Of("examples", "seed", "fitcheck.yml")));
        using var stream = new MemoryStream();
        JsonReport.WriteLine(stream, report, "test");

        Assert.Equal(JsonReport.ToString(report, "test"), new System.Text.UTF8Encoding(false).GetString(stream.ToArray()));
        Assert.Equal((byte)'\n', stream.ToArray()[^1]);
    }

    [Fact]
    public void OutputAndReportFilesHoldWhatStdoutPrints()
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        Assert.Equal(1, FitCheckApp.Run(["check", "fitcheck.yml", "--format", "json"], new CliContext(stdout, new StringWriter(), _dir, _ => null)));
        using var quiet = new StringWriter { NewLine = "\n" };
        Assert.Equal(1, FitCheckApp.Run(["check", "fitcheck.yml", "--format", "json", "--output", "out.json", "--report", "json=report.json"],
            new CliContext(quiet, new StringWriter(), _dir, _ => null)));

        Assert.Equal("", quiet.ToString());
        Assert.Equal(stdout.ToString(), File.ReadAllText(Path.Combine(_dir, "out.json")));
        Assert.Equal(stdout.ToString(), File.ReadAllText(Path.Combine(_dir, "report.json")));
        Assert.Contains("\"schemaVersion\": 1", stdout.ToString());
    }
}
