using System.Text.RegularExpressions;
using FitCheck.Tests.Cli;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Corpus;

/// <summary>
/// Every corpus case through the real CLI entry point (`check`, in-process): exit 2 with a located
/// `file(line,col): error FCnnnn` (or the documented verdict of a valid case), no exception text or stack
/// frame, in under 2 s and 200 MB.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed partial class CorpusTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);
    private const long MemoryLimit = 200L * 1024 * 1024;

    public static TheoryData<CorpusCase> Cases()
    {
        var data = new TheoryData<CorpusCase>();
        foreach (var c in HandWrittenCorpus.All().Concat(GeneratedCorpus.All()))
        {
            data.Add(c);
        }

        return data;
    }

    [Fact]
    public void TheCorpusHasAtLeastTwoHundredCasesWithUniqueNames()
    {
        var names = HandWrittenCorpus.All().Concat(GeneratedCorpus.All()).Select(c => c.Name).ToList();
        Assert.True(names.Count >= 200, $"{names.Count} cases");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryValidCaseSaysWhyItIsValid()
    {
        foreach (var c in HandWrittenCorpus.All().Concat(GeneratedCorpus.All()).Where(c => c.ExpectedExit != 2))
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Reason), c.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CheckAnswersWithALocatedDiagnosticQuicklyAndWithoutCrashing(CorpusCase c)
    {
        var dir = Directory.CreateTempSubdirectory("fitcheck-corpus-").FullName;
        try
        {
            var manifest = c.Write(dir);
            var run = MeasuredRun.Within(TimeLimit, dir, "check", manifest);
            var r = run.Result;

            var detail = $"{c.Name}: exit {r.ExitCode}\n{r.Error}";
            Assert.True(c.ExpectedExit == r.ExitCode, detail);
            Assert.DoesNotContain("Exception", r.Error);
            Assert.DoesNotContain("   at ", r.Error);
            Assert.DoesNotContain("Exception", r.Out);
            if (c.ExpectedExit == 2)
            {
                Assert.True(Located().IsMatch(r.Error), "no file(line,col): error FCnnnn in\n" + detail);
                if (c.ExpectedId is not null)
                {
                    Assert.True(r.Error.Contains($"error {c.ExpectedId}:", StringComparison.Ordinal), $"expected {c.ExpectedId}; " + detail);
                }

                // A hostile file must not flood the terminal: messages clip what they echo.
                Assert.True(r.Error.Length < 4000, $"{r.Error.Length} characters on stderr");
            }

            run.AssertWithin(c.Name, TimeLimit, MemoryLimit);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>`name.ext(line,col): error FCnnnn: ` with positive line and column.</summary>
    [GeneratedRegex(@"^\S[^\r\n]*\.(yml|cfg|onnx)\([1-9][0-9]*,[1-9][0-9]*\): error FC[0-9]{4}: ", RegexOptions.Multiline)]
    private static partial Regex Located();
}
