using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Throughput;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Throughput;

/// <summary>
/// Striped execution on the README's three-layer run, worked out by hand: input 1x8x16x16 int8 (a row is
/// 8 channels x 16 columns = 128 B, a tensor 2,048 B) -> A conv3x3 pad 1 -> B conv3x3 pad 1 -> C conv1x1, all 8
/// filters. A and B have 16 x 16 x 8 x 8 x 9 = 147,456 MACs (9,216 per output row), C 16,384.
/// </summary>
public class StripingTests
{
    private const long RowBytes = 128;
    private const long MacsPerRowA = 9_216;

    private static Network ThreeLayers()
    {
        var b = new NetworkBuilder("three-layers", 1, 8, 16, 16);
        var a = b.Conv(b.Input, 8, 3, name: "A");
        var x = b.Conv(a, 8, 3, name: "B");
        b.Conv(x, 8, 1, name: "C");
        return b.Build();
    }

    /// <summary>
    /// SRAM 4,000 B: the 4,096 B arena (two 2,048 B tensors live at a time) spills C (read by nobody), the input
    /// and A; B (2,048 B) stays; the 1,312 B of weights (2 x (576 + 8 x 4) + 64 + 32) fit beside it. The stripe
    /// room is 4,000 - 1,312 = 2,688 B. DRAM at 1 MB/s makes spilling slow; compute and SRAM are free.
    /// </summary>
    private static Accelerator Striping(double dramBandwidth = 1e6) =>
        Make(double.PositiveInfinity, 1, OverlapMode.Pipelined, Sram(4_000, double.PositiveInfinity), Dram(1L << 30, dramBandwidth))
            with
        { Striping = ActivationStriping.Auto };

    [Fact]
    public void StripesOfThreeRowsRecomputeTheHaloOfTheFirstLayer()
    {
        // Stripes of 3 rows of C: C and B (1x1 below C) rows 0-2, 3-5, 6-8, 9-11, 12-14, 15 (16 rows, at most 3).
        // B's 3x3 window reads A rows 0-3, 2-6, 5-9, 8-12, 11-15, 14-15: 4+5+5+5+5+2 = 26 rows, at most 5, so
        // 10 rows are recomputed. A's window reads input rows 0-4, 1-7, 4-10, 7-13, 10-15, 13-15: 5+7+7+7+6+3 = 35.
        var analysis = Analyze(ThreeLayers());
        var p = TrafficProfile.For(analysis);
        var rows = StripeRows.Exact(p, 0, 2, 3, [false, false, true]);
        Assert.Equal(6, rows.Stripes);
        Assert.Equal([26L, 16, 16], rows.Computed);
        Assert.Equal([5L, 3, 3], rows.MaxRows);
        // Accesses: A reads input, A writes; B reads A, B writes; C reads B, C writes.
        Assert.Equal(35, rows.Read[0]);
        Assert.Equal(7, rows.MaxRead[0]);
        Assert.Equal(26, rows.Read[2]);
        Assert.Equal(16, rows.Read[4]);
        Assert.Equal(10 * MacsPerRowA, StripePlanner.ExtraMacs(147_456, 16, rows.Computed[0]));
    }

    [Fact]
    public void TheThreeLayerRunIsStripedWhereTheStripeBuffersFitAndItIsFaster()
    {
        // Stripe buffers at h rows of C: input h + 4 rows (staged from DRAM), A h + 2, B h, C h (on its way to
        // DRAM) = (4h + 6) x 128 B <= 2,688 B gives h = 3: (7 + 5 + 3 + 3) x 128 = 2,304 B. B is made and used
        // up inside the run, so it no longer needs its 2,048 B whole.
        var t = Deploy(ThreeLayers(), Striping()).Throughput!;
        var run = Assert.Single(t.Stripes.Runs);
        Assert.Equal((0, 2), (run.First, run.Last));
        Assert.Equal(3, run.StripeRows);
        Assert.Equal(6, run.Stripes);
        Assert.Equal(18 * RowBytes, run.OnChipBytes);
        Assert.Equal(10 * MacsPerRowA, run.ExtraMacs);
        Assert.Equal(10 * MacsPerRowA, t.Stripes.TotalExtraMacs);
        Assert.Equal([10 * MacsPerRowA, 0L, 0L], t.Layers.Select(l => l.ExtraMacs));
        Assert.Equal([0, 0, 0], t.Layers.Select(l => l.Run));
        Assert.Equal(147_456 * 2 + 16_384, t.NominalMacs);
        Assert.Equal(147_456 * 2 + 16_384 + 10 * MacsPerRowA, t.ExecutedMacs);

        // Off chip: the input's 35 rows read (halo rows again) and C written once = 4,480 + 2,048 B; spilled
        // whole it was the input and A read and A and C written: 4 x 2,048 = 8,192 B.
        Assert.Equal(35 * RowBytes + 2_048, run.OffChipBytes);
        Assert.Equal(35 * RowBytes + 2_048, t.DramBytesPerFrame);
        Assert.Equal((35 * RowBytes + 2_048) / 1e6, t.LatencySeconds, 12);
        Assert.Equal(8_192 / 1e6, run.SpillSeconds, 12);

        // The memory figures are the planner's, striped or not.
        Assert.Equal(4_096, Analyze(ThreeLayers()).Activations.PeakBytes);
    }

    [Fact]
    public void NothingIsStripedWhenTheArenaFitsOrStripingIsOff()
    {
        var fits = Striping() with { Tiers = [Sram(1L << 20, double.PositiveInfinity), Dram(1L << 30, 1e6)] };
        Assert.False(Deploy(ThreeLayers(), fits).Throughput!.Stripes.Any);

        var off = Deploy(ThreeLayers(), Striping() with { Striping = ActivationStriping.Off }).Throughput!;
        Assert.False(off.Stripes.Any);
        Assert.Equal(8_192 / 1e6, off.LatencySeconds, 12);
        Assert.Equal(0, off.Stripes.TotalExtraMacs);
    }

    [Fact]
    public void StripingIsChosenOnlyWhenItIsFaster()
    {
        // With DRAM as fast as SRAM, spilling costs nothing and recomputing halos could only add time.
        var free = Deploy(ThreeLayers(), Striping(double.PositiveInfinity)).Throughput!;
        Assert.False(free.Stripes.Any);

        // Slow compute, fast DRAM: the 92,160 recomputed MACs cost more than the 1,664 DRAM bytes saved.
        var slowCompute = Striping(1e9) with { MacsPerSecond = 1e6 };
        Assert.False(Deploy(ThreeLayers(), slowCompute).Throughput!.Stripes.Any);

        // Slow DRAM: striping wins and fps rises.
        var striped = Deploy(ThreeLayers(), Striping()).Throughput!;
        var spilled = Deploy(ThreeLayers(), Striping() with { Striping = ActivationStriping.Off }).Throughput!;
        Assert.True(striped.Fps > spilled.Fps);
    }

    [Fact]
    public void RecomputedMacsAreCheckedIn64Bits()
    {
        // 4e18 MACs over 4 rows, one extra row: 1e18 exactly (the product passes 2^63, the quotient does not).
        Assert.Equal(1_000_000_000_000_000_000, StripePlanner.ExtraMacs(4_000_000_000_000_000_000, 4, 5));
        Assert.Throws<FitCheckException>(() => StripePlanner.ExtraMacs(long.MaxValue / 2, 2, 8));
        Assert.Equal(0, StripePlanner.ExtraMacs(1_000, 16, 16));
    }

    [Fact]
    public void LayersThatMixRowsBreakARun()
    {
        // Global pooling and fully connected layers read every row: they cannot be computed a stripe at a time.
        var b = new NetworkBuilder("head", 1, 8, 16, 16);
        var x = b.Conv(b.Input, 8, 3);
        x = b.GlobalAvgPool(x);
        b.FullyConnected(x, 10);
        var g = TrafficProfile.For(Analyze(b.Build())).Geometry;
        Assert.Equal([true, false, false], g.Stripable);
    }
}
