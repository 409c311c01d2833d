using FitCheck.Diagnostics;
using FitCheck.Manifest;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Corpus;

/// <summary>Bugs the corpus found in Core, pinned at the unit level.</summary>
public class CorpusFindingsTests
{
    [Fact]
    public void AnEscapeCharacterInAManifestIsRejectedWhereItIs()
    {
        // ESC would otherwise pass through a model name into the console report and colour a CI log.
        var e = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yml", "version: 1\nmodels:\n  - name: n\u001b[31m\n"));
        Assert.Equal("FC0101", e.Diagnostic.Id);
        Assert.Equal(new SourceLocation("m.yml", 3, 12), e.Diagnostic.Location);
        Assert.Contains("U+001B", e.Diagnostic.Message);
    }

    [Theory]
    [InlineData('\u0007')]
    [InlineData('\u007F')]
    [InlineData('\u009B')]
    public void OtherControlCharactersAreRejectedToo(char c)
    {
        var e = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yml", $"version: 1{c}\n"));
        Assert.Equal(new SourceLocation("m.yml", 1, 11), e.Diagnostic.Location);
    }

    [Fact]
    public void TabsAndLineBreaksAreAllowed()
    {
        // Past the character check, the next complaint is the schema's (no accelerators), not the text's.
        var e = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yml", "version: 1\t\r\n# comment\r\n"));
        Assert.True(e.Diagnostic.Id == "FC0109", e.Diagnostic.Format());
    }

    [Fact]
    public void AnUnknownZooModelNameIsClippedInTheMessage()
    {
        var e = Assert.Throws<FitCheckException>(() => ModelZoo.Get(new string('a', 100_000), null));
        Assert.Equal("FC0201", e.Diagnostic.Id);
        // 'unknown zoo model' + 200 characters, a count of what was cut, and the quotes.
        Assert.Equal("unknown zoo model '" + new string('a', 200) + "... (99800 more characters)'", e.Diagnostic.Message);
    }

    [Fact]
    public void ABrokenOnnxFileIsReportedAtTheManifestLineThatNamesIt()
    {
        // ONNX diagnostics carry a byte offset, not a line; without this the CLI printed `fitcheck: error FC0509`.
        var dir = Directory.CreateTempSubdirectory("fitcheck-onnx-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "empty.onnx"), []);
            var at = new SourceLocation("fitcheck.yml", 16, 13);
            var e = Assert.Throws<FitCheckException>(() => FitCheck.Models.ModelSourceResolver.Resolve("./empty.onnx", dir, at));
            Assert.Equal("FC0509", e.Diagnostic.Id);
            Assert.Equal(at, e.Diagnostic.Location);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ParseFileRejectsNonUtf8TextAtTheInvalidByteAsTheCliDoes()
    {
        // File.ReadAllText replaced the byte with U+FFFD, so the MSBuild task accepted what the CLI rejects.
        var path = Path.Combine(Path.GetTempPath(), $"fitcheck-latin1-{Guid.NewGuid():N}.yml");
        File.WriteAllBytes(path, [.. "version: 1\nname: r"u8, 0xE9, .. "seau\n"u8]);
        try
        {
            var e = Assert.Throws<FitCheckException>(() => ManifestParser.ParseFile(path));
            Assert.Equal("FC0003", e.Diagnostic.Id);
            Assert.Equal(new SourceLocation(path, 2, 8), e.Diagnostic.Location);
            Assert.Contains("0xE9 at offset 18", e.Diagnostic.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ParseFileLocatesAUtf8SequenceCutOffAtTheEnd()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fitcheck-cut-{Guid.NewGuid():N}.yml");
        File.WriteAllBytes(path, [.. "version: 1\n# "u8, 0xE2, 0x82]);
        try
        {
            var e = Assert.Throws<FitCheckException>(() => ManifestParser.ParseFile(path));
            Assert.Equal(new SourceLocation(path, 2, 3), e.Diagnostic.Location);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
