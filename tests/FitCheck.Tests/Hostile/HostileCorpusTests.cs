using System.Text.RegularExpressions;
using FitCheck.Tests.Cli;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Hostile;

/// <summary>
/// Every case of <see cref="HostileCorpus"/> through the real CLI entry point, in-process: the expected exit
/// (never 3: no case may reach the internal-error guard), a located `file(line,col): error FCnnnn`, no exception
/// text or stack frame, no raw control character on stderr, in under 2 s and 200 MB.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed partial class HostileCorpusTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);
    private const long MemoryLimit = 200L * 1024 * 1024;

    public static TheoryData<HostileCase> Cases()
    {
        var data = new TheoryData<HostileCase>();
        foreach (var c in HostileCorpus.All())
        {
            data.Add(c);
        }

        return data;
    }

    [Fact]
    public void CaseNamesAreUniqueAndValidCasesSayWhy()
    {
        var all = HostileCorpus.All().ToList();
        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all.Where(c => c.ExpectedExit != 2), c => Assert.False(string.IsNullOrWhiteSpace(c.Reason), c.Name));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnswersWithALocatedInertDiagnosticQuickly(HostileCase c)
    {
        var dir = Directory.CreateTempSubdirectory("fitcheck-hostile-").FullName;
        try
        {
            var args = c.Arrange(dir);
            var run = MeasuredRun.Within(TimeLimit, dir, args);
            var r = run.Result;

            var detail = $"{c.Name}: exit {r.ExitCode}\n{r.Error}";
            Assert.True(c.ExpectedExit == r.ExitCode, detail);
            Assert.DoesNotContain("error FC0000", r.Error);
            Assert.DoesNotContain("Exception", r.Error);
            Assert.DoesNotContain("   at ", r.Error);
            Assert.False(RawControl().IsMatch(r.Error), "raw control character on stderr: " + detail);
            Assert.DoesNotContain("\nfake(", "\n" + r.Error);
            if (c.ExpectedExit == 2)
            {
                Assert.True((c.Located ? Located() : AnyDiagnostic()).IsMatch(r.Error), "no located error FCnnnn in\n" + detail);
                Assert.False(ResourceKey().IsMatch(r.Error), "a .NET resource key instead of words: " + detail);
                if (c.ExpectedId is not null)
                {
                    Assert.True(r.Error.Contains($"error {c.ExpectedId}:", StringComparison.Ordinal), $"expected {c.ExpectedId}; " + detail);
                }

                Assert.True(r.Error.Length < 4000, $"{r.Error.Length} characters on stderr");
            }

            run.AssertWithin(c.Name, TimeLimit, MemoryLimit);
        }
        finally
        {
            Unblock(dir);
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// A FIFO case leaves a worker blocked opening the FIFO (the CLI gave up on it, the thread cannot be
    /// cancelled); opening it read-write here is both a reader and a writer, which releases that open.
    /// </summary>
    private static void Unblock(string dir)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(dir))
        {
            if (FitCheck.IO.FileKinds.Of(path) == FitCheck.IO.FileKind.Pipe)
            {
                using var release = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
                Thread.Sleep(50);
            }
        }
    }

    [GeneratedRegex(@"^\S[^\r\n]*\([1-9][0-9]*,[1-9][0-9]*\): error FC[0-9]{4}: ", RegexOptions.Multiline)]
    private static partial Regex Located();

    [GeneratedRegex(@"^\S[^\r\n]*: error FC[0-9]{4}: ", RegexOptions.Multiline)]
    private static partial Regex AnyDiagnostic();

    /// <summary>Every C0/C1 control character except the line feed between lines.</summary>
    [GeneratedRegex(@"[\x00-\x09\x0B-\x1F\x7F-\x9F]")]
    private static partial Regex RawControl();

    /// <summary>What a trimmed .NET prints instead of a message: `UnauthorizedAccess_IODenied_Path`, `Arg_OverflowException`.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+_[A-Z][A-Za-z]+(_[A-Za-z]+)*\b")]
    private static partial Regex ResourceKey();
}
