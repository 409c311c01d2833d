using System.Diagnostics;
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
            var (r, elapsed, allocated, peakGrowth) = Measure(dir, manifest);
            for (var attempt = 1; attempt < 3 && elapsed >= TimeLimit; attempt++)
            {
                // The machine may be shared and the suite runs test classes in parallel: a slow run is
                // retried, and only a case that is slow three times in a row fails.
                (r, elapsed, allocated, peakGrowth) = Measure(dir, manifest);
            }

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

            Assert.True(elapsed < TimeLimit, $"{c.Name} took {elapsed.TotalMilliseconds:F0} ms");
            Assert.True(allocated < MemoryLimit, $"{c.Name} allocated {allocated / 1e6:F0} MB");
            Assert.True(peakGrowth < MemoryLimit, $"{c.Name} grew the peak working set by {peakGrowth / 1e6:F0} MB");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (CliRunner.Result Result, TimeSpan Elapsed, long Allocated, long PeakGrowth) Measure(string dir, string manifest)
    {
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run(dir, "check", manifest);
        clock.Stop();
        return (r, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore,
            Process.GetCurrentProcess().PeakWorkingSet64 - peakBefore);
    }

    /// <summary>`name.ext(line,col): error FCnnnn: ` with positive line and column.</summary>
    [GeneratedRegex(@"^\S[^\r\n]*\.(yml|cfg|onnx)\([1-9][0-9]*,[1-9][0-9]*\): error FC[0-9]{4}: ", RegexOptions.Multiline)]
    private static partial Regex Located();
}
