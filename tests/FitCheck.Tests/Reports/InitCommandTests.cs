using FitCheck.Cli;

namespace FitCheck.Tests.Reports;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = FitCheckApp.Run(args, new CliContext(stdout, stderr, _dir, _ => null));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void InitWritesTheStarterManifestWithTheSchemaLine()
    {
        var (exit, output, _) = Run("init");
        Assert.Equal(0, exit);
        var text = File.ReadAllText(Path.Combine(_dir, "fitcheck.yml"));
        Assert.Equal(StarterManifest.Text, text);
        Assert.StartsWith("# yaml-language-server: $schema=", text);
        Assert.Contains("dotnet fitcheck check fitcheck.yml", output);
    }

    [Fact]
    public void InitTakesAPathAndCreatesItsFolder()
    {
        Assert.Equal(0, Run("init", "ci/models.yml").Exit);
        Assert.True(File.Exists(Path.Combine(_dir, "ci", "models.yml")));
    }

    [Fact]
    public void InitRefusesToOverwrite()
    {
        File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), "mine");
        var (exit, _, error) = Run("init");
        Assert.Equal(2, exit);
        Assert.StartsWith("fitcheck: error FC0605: 'fitcheck.yml' already exists; not overwriting it", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_dir, "fitcheck.yml")));
    }

    [Theory]
    [InlineData("md=out.md", "md", "out.md")]
    [InlineData("markdown=out.md", "md", "out.md")]
    [InlineData("junit=a=b.xml", "junit", "a=b.xml")]
    [InlineData("sarif=r.sarif", "sarif", "r.sarif")]
    public void AReportOptionIsFormatEqualsPath(string text, string format, string path)
    {
        var request = ReportRequest.Parse(text, FitCheck.Reports.ReportKind.Check, "check");
        Assert.Equal(format, request.Format.Name);
        Assert.Equal(path, request.Path);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("=x.md")]
    [InlineData("html=x.html")]
    public void AMalformedReportOptionIsABadArgument(string text) =>
        Assert.Equal("FC0606", Assert.Throws<FitCheck.Diagnostics.FitCheckException>(() => ReportRequest.Parse(text, FitCheck.Reports.ReportKind.Check, "check")).Diagnostic.Id);

    [Theory]
    [InlineData("5%", 0.05)]
    [InlineData("5 %", 0.05)]
    [InlineData("12.5", 0.125)]
    [InlineData("0%", 0.0)]
    public void MaxGrowthIsAPercentage(string text, double fraction) =>
        Assert.Equal(fraction, CheckCommand.ParseGrowth(text, haveBaseline: true)!.Value, 12);

    [Theory]
    [InlineData("-5%", "FC0604")]
    [InlineData("five", "FC0604")]
    [InlineData("1,5%", "FC0604")]
    public void AMalformedMaxGrowthIsABadArgument(string text, string id) =>
        Assert.Equal(id, Assert.Throws<FitCheck.Diagnostics.FitCheckException>(() => CheckCommand.ParseGrowth(text, true)).Diagnostic.Id);

    [Fact]
    public void MaxGrowthNeedsABaseline() =>
        Assert.Equal("FC0002", Assert.Throws<FitCheck.Diagnostics.FitCheckException>(() => CheckCommand.ParseGrowth("5%", false)).Diagnostic.Id);
}
