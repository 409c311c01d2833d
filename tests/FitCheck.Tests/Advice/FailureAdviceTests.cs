using System.Text.Json;
using FitCheck.Advice;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Tests.Cli;
using FitCheck.Tests.Support;
using FitCheck.Units;

namespace FitCheck.Tests.Advice;

/// <summary>
/// `check` says what would pass where a gate fails. The figures are the advise searches' answers, so each is
/// checked here against the real gates (Evaluator.Deploy, no search code): the advised size passes and the next
/// one up fails; the advised tier size passes and 1 KiB less fails.
/// </summary>
public sealed class FailureAdviceTests
{
    private static readonly string Failing = RepoPaths.Of("examples", "failing");

    /// <summary>
    /// Hand figures for examples/failing (ResNet-50 int8 on a 1 MiB SRAM, activations on chip, no headroom): the
    /// arena peaks at layer1's two 256-channel tensors plus one 64-channel tensor, (2·256 + 64)·(s/4)² bytes.
    /// At 224: 576·56² = 1,806,336 B, over 1 MiB (1,048,576 B) — so the SRAM must hold at least 1,806,336 B
    /// (1764 KiB ≈ 1.72 MiB, printed rounded up as 1.8 MiB). At 168: 576·42² = 1,016,064 B fits; at 169 (the grid is
    /// every side) the arena is 1,065,024 B, 16,448 B over.
    /// </summary>
    [Fact]
    public void TheFailingExampleSaysWhatWouldPassInEveryFormat()
    {
        Assert.Equal(1_806_336, 576 * 56 * 56);
        Assert.Equal(1_016_064, 576 * 42 * 42);

        var console = CliRunner.Run(Failing, "check", "fitcheck.yml");
        Assert.Equal(1, console.ExitCode);
        Assert.Contains("  resnet50 224x224 on tiny-npu would pass at <= 168x168, or with >= 1.8 MiB of sram.", console.Out);

        var json = CliRunner.Run(Failing, "check", "fitcheck.yml", "--format", "json");
        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Out);
        var advice = doc.RootElement.GetProperty("results")[0].GetProperty("wouldPass");
        Assert.Equal("168x168", advice.GetProperty("resolution").GetString());
        Assert.Equal("sram", advice.GetProperty("tier").GetString());
        Assert.Equal(1_806_336, advice.GetProperty("tierBytes").GetInt64());

        var md = CliRunner.Run(Failing, "check", "fitcheck.yml", "--format", "md");
        Assert.Contains("💡 would pass at &lt;= 168x168, or with &gt;= 1.8 MiB of sram", md.Out);
    }

    [Fact]
    public void APassingReportHasNoAdvice()
    {
        var seed = CliRunner.Run(RepoPaths.Of("examples", "seed"), "check", "fitcheck.yml", "--format", "json");
        using var doc = JsonDocument.Parse(seed.Out);
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            Assert.Equal(r.GetProperty("verdict").GetString() == "fail", r.TryGetProperty("wouldPass", out _));
        }
    }

    /// <summary>Every failed deployment of the seed example: its advice, checked against the real gates.</summary>
    [Fact]
    public void EveryAdvisedFigurePassesAndTheNextStepFails()
    {
        var manifest = ManifestParser.ParseFile(RepoPaths.Of("examples", "seed", "fitcheck.yml"));
        var report = FailureAdvice.Annotate(ManifestCheck.Check(manifest), manifest);
        var targets = Adviser.Targets(manifest);
        var advised = 0;
        foreach (var r in report.Results.Where(r => r.Passed == false))
        {
            var advice = Assert.IsType<WouldPass>(r.WouldPass);
            var t = targets.Single(t => t.Model == r.Analysis.Model && t.Resolution == r.Analysis.Resolution && t.Accelerator.Name == r.Accelerator);
            if (advice.Resolution is { } text)
            {
                var at = Resolution.Parse(text);
                Assert.True(at.Width <= t.Resolution.Width && at.Height <= t.Resolution.Height, $"{text} is not below {t.Resolution}");
                Assert.True(AdviceFixtures.Passes(t, at), $"{r.Analysis.Model} on {r.Accelerator} fails at the advised {text}");
                var points = ResolutionGrid.Points(SideGrid.For(t.Source), t.Resolution, 1, Math.Max(t.Resolution.Width, t.Resolution.Height));
                var next = points.SkipWhile(p => p != at).Skip(1).FirstOrDefault();
                Assert.False(next != default && AdviceFixtures.Passes(t, next), $"{r.Analysis.Model} on {r.Accelerator} also passes at {next}");
                advised++;
            }

            if (advice.TierBytes is { } bytes)
            {
                var index = MemorySearch.IndexOf(t.Accelerator, advice.Tier!);
                var tiles = t.Accelerator.Tiers[index].Tiles;
                Assert.True(bytes > t.Accelerator.Tiers[index].CapacityBytes);
                Assert.True(AdviceFixtures.Passes(t, t.Resolution, on: MemorySearch.Resize(t.Accelerator, index, bytes / tiles)));
                Assert.False(AdviceFixtures.Passes(t, t.Resolution, on: MemorySearch.Resize(t.Accelerator, index, (bytes / tiles) - MemorySearch.Granularity)));
                advised++;
            }
        }

        Assert.True(advised >= 6, $"only {advised} figures advised");
    }

    [Theory]
    [InlineData(1_806_336, ByteStyle.Binary, "1.8 MiB")] // 1.7227 MiB: rounding to nearest would say 1.7, less than needed
    [InlineData(19_716_096, ByteStyle.Binary, "18.9 MiB")] // 18.8027 MiB
    [InlineData(8_388_608, ByteStyle.Binary, "8 MiB")]
    [InlineData(1_000_001, ByteStyle.Decimal, "1.1 MB")]
    [InlineData(1_000_000, ByteStyle.Decimal, "1.0 MB")]
    [InlineData(1_048_575, ByteStyle.Binary, "1 MiB")] // 1023.999 KiB rounds up to a whole MiB
    [InlineData(512, ByteStyle.Binary, "512 B")]
    public void AMinimumIsPrintedRoundedUp(long bytes, ByteStyle style, string expected) =>
        Assert.Equal(expected, ByteFormat.AtLeast(bytes, style));
}
