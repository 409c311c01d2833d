using System.Text;
using FitCheck.Diagnostics;
using FitCheck.Manifest;

namespace FitCheck.Tests.Manifest;

/// <summary>Input meant to hurt the parser: it must answer with a diagnostic, never crash or hang.</summary>
public class ManifestHostileInputTests
{
    private static Diagnostic Fail(string yaml) => ManifestErrorTests.Fail(yaml);

    [Fact]
    public void BillionLaughsIsRejectedAtTheFirstAnchor()
    {
        var yaml = new StringBuilder("version: 1\nlol0: &l0 lol\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"lol{i}: &l{i} [*l{i - 1},*l{i - 1},*l{i - 1},*l{i - 1},*l{i - 1},*l{i - 1},*l{i - 1},*l{i - 1},*l{i - 1},*l{i - 1}]\n");
        }

        var d = Fail(yaml.ToString());
        Assert.Equal("FC0104", d.Id);
        Assert.Equal(new SourceLocation("m.yaml", 2, 7), d.Location);
    }

    [Fact]
    public void AnAliasWithoutAnAnchorIsRejectedAsAnAlias()
    {
        var d = Fail("version: *v\n");
        Assert.Equal("FC0104", d.Id);
        Assert.Equal(new SourceLocation("m.yaml", 1, 10), d.Location);
    }

    [Fact]
    public void SixtyFourLevelsAreAllowed()
    {
        // The root mapping plus 63 lists is 64 levels: past the depth check, so the next error is the schema's.
        var d = Fail("a: " + new string('[', 63) + new string(']', 63) + "\n");
        Assert.Equal("FC0109", d.Id);
    }

    [Fact]
    public void SixtyFiveLevelsAreRejectedAtTheLevelThatIsTooDeep()
    {
        var d = Fail("a: " + new string('[', 64) + new string(']', 64) + "\n");
        Assert.Equal("FC0105", d.Id);
        Assert.Equal(new SourceLocation("m.yaml", 1, 3 + 64), d.Location);
    }

    [Fact]
    public void VeryDeepFlowNestingDoesNotOverflowTheStack()
    {
        Assert.Equal("FC0105", Fail(new string('[', 200_000)).Id);
        Assert.Equal("FC0105", Fail(new string('{', 200_000)).Id);
    }

    [Fact]
    public void VeryDeepBlockNestingDoesNotOverflowTheStack()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }

        Assert.Equal("FC0105", Fail(yaml.ToString()).Id);
        Assert.Equal("FC0105", Fail(string.Concat(Enumerable.Repeat("- ", 5000)) + "x\n").Id);
    }

    [Fact]
    public void ANulCharacterIsRejectedWhereItIs()
    {
        // YamlDotNet reads NUL as the end of the stream; the rest of the file, gates included, would vanish.
        var d = Fail("version: 1\naccel\0erators: []\n");
        Assert.Equal("FC0101", d.Id);
        Assert.Equal(new SourceLocation("m.yaml", 2, 6), d.Location);
    }

    [Fact]
    public void TextOverTenMegabytesIsRejectedBeforeParsing()
    {
        var d = Fail("#" + new string('x', DiagnosticCatalog.MaxManifestBytes));
        Assert.Equal("FC0103", d.Id);
        Assert.Equal(new SourceLocation("m.yaml", 1, 1), d.Location);
    }

    [Theory]
    [InlineData("---\n")]
    [InlineData("~\n")]
    [InlineData("null\n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF# comment\n")]
    public void ADocumentWithNothingInItIsEmpty(string yaml) => Assert.Equal("FC0102", Fail(yaml).Id);

    [Fact]
    public void AComplexKeyIsAWrongNodeType()
    {
        var d = Fail("? [a, b]\n: c\n");
        Assert.Equal("FC0110", d.Id);
        Assert.Equal(new SourceLocation("m.yaml", 1, 3), d.Location);
    }

    [Fact]
    public void AnExplicitDocumentEndFollowedByAnotherDocumentIsMultipleDocuments()
    {
        var d = Fail("version: 1\n...\n--- \nversion: 1\n");
        Assert.Equal("FC0106", d.Id);
        Assert.Equal(new SourceLocation("m.yaml", 3, 1), d.Location);
    }

    [Theory]
    [InlineData("version: .inf\n", "FC0112")]
    [InlineData("version: -0\n", "FC0112")]
    [InlineData("version: 1e400\n", "FC0112")]
    [InlineData("version: [1]\n", "FC0110")]
    [InlineData("version: !!binary AAAA\n", "FC0112")]
    [InlineData("version: 1\n<<: {a: b}\n", "FC0108")]
    [InlineData("version: 1\n\"\\uD800\": x\n", "FC0101")]
    [InlineData("%YAML 1.1\n---\nversion: 1\nmodels: x\n", "FC0109")]
    [InlineData("%FOO bar\n---\nversion: 1\n", "FC0109")]
    [InlineData("version: 1\naccelerators: [{name: a, compute: .nan, memory: []}]\n", "FC0116")]
    [InlineData("version: 1\naccelerators: [{name: a, compute: -0 TOPS, memory: []}]\n", "FC0117")]
    [InlineData("version: 1\naccelerators: [{name: a, compute: 1e400 TOPS, memory: []}]\n", "FC0117")]
    [InlineData("\0\0\0", "FC0101")]
    [InlineData("version: 1\n\0accelerators: []\n", "FC0101")]
    public void OddScalarsAndDirectivesAreDiagnostics(string yaml, string id) => Assert.Equal(id, Fail(yaml).Id);

    [Fact]
    public void HugeNamesAreClippedInMessages()
    {
        var key = new string('k', 1_000_000);
        var d = Fail($"version: 1\n? {key}\n: 1\n");
        Assert.Equal("FC0108", d.Id);
        Assert.True(d.Message.Length < 300, "message not clipped");
        Assert.Contains("kkk...", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThousandsOfEntriesAreCheckedWithoutQuadraticBlowUp()
    {
        var yaml = new StringBuilder("version: 1\naccelerators:\n");
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append($"  - {{name: a{i}, compute: 1 TOPS, memory: [{{name: m, kind: sram, size: 1 MiB, bandwidth: 1 GB/s}}]}}\n");
        }

        yaml.Append("  - {name: a0, compute: 1 TOPS, memory: [{name: m, kind: sram, size: 1 MiB, bandwidth: 1 GB/s}]}\n");
        var d = Fail(yaml.ToString());
        Assert.Equal("FC0119", d.Id);
        Assert.Equal(new SourceLocation("m.yaml", 10_003, 12), d.Location);
        Assert.Contains("first at line 3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomTextNeverEscapesAsAnythingButADiagnostic()
    {
        // Fragments of the manifest grammar, shuffled: exercises the scanner, the prescan and the schema walk.
        string[] pieces =
        [
            "version: 1\n", "accelerators:\n", "models:\n", "  - ", "name: a", "compute: 4 TOPS", "memory:", "[", "]", "{", "}",
            ",", ":", "? ", "&a ", "*a", "!!str ", "'", "\"", "\t", "\n", "  ", "#", "---\n", "...\n", "|\n", ">-\n", "size: 8 MiB",
            "bandwidth: 1 GB/s", "deploy: [a]", "source: zoo:x", "1e400", ".nan", "-0", "\uFEFF", "\r\n", "%YAML 1.2\n", "@", "`", "\\u0000",
        ];
        var random = new Random(20261125);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            var n = random.Next(1, 40);
            for (var j = 0; j < n; j++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            try
            {
                ManifestParser.Parse("m.yaml", text.ToString());
            }
            catch (FitCheckException e)
            {
                Assert.StartsWith("FC0", e.Diagnostic.Id, StringComparison.Ordinal);
                Assert.NotNull(e.Diagnostic.Location);
            }
        }
    }
}
