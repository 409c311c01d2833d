namespace FitCheck.Tests.Cli;

public class ArgumentTests
{
    private static string Root => CliRunner.RepoRoot;

    [Fact]
    public void AnUnknownOptionIsAnInputError()
    {
        var r = CliRunner.Run(Root, "check", "examples/seed/fitcheck.yml", "--frobnicate");
        CliRunner.AssertCleanInputError(r, "FC0002");
    }

    [Fact]
    public void AMissingManifestFileIsAnInputError()
    {
        var r = CliRunner.Run(Root, "check", "does/not/exist.yml");
        CliRunner.AssertCleanInputError(r, "FC0001");
        Assert.Contains("does/not/exist.yml", r.Error);
    }

    [Fact]
    public void AnUnknownFormatNamesTheAllowedOnes()
    {
        var r = CliRunner.Run(Root, "analyze", "zoo:resnet50", "--format", "yaml");
        CliRunner.AssertCleanInputError(r, "FC0002");
        Assert.Contains("json", r.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("two")]
    [InlineData("100000")]
    public void ABadBatchIsAnInputError(string batch)
    {
        var r = CliRunner.Run(Root, "analyze", "zoo:resnet50", "--batch", batch);
        CliRunner.AssertCleanInputError(r);
    }

    [Theory]
    [InlineData("0x0")]
    [InlineData("608x")]
    [InlineData("99999999x2")]
    public void ABadResolutionIsAnInputError(string resolution)
    {
        var r = CliRunner.Run(Root, "analyze", "zoo:resnet50", "--resolution", resolution);
        CliRunner.AssertCleanInputError(r);
    }

    [Fact]
    public void HelpListsTheCommandsAndExamples()
    {
        var r = CliRunner.Run(Root, "--help");
        Assert.Contains("check", r.Out);
        Assert.Contains("analyze", r.Out);
        Assert.Contains("dotnet fitcheck check examples/seed/fitcheck.yml", r.Out);
    }
}
