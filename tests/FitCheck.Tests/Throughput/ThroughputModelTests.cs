using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Throughput;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Throughput;

public class ThroughputModelTests
{
    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void AComputeBoundModelOnUnlimitedSramRunsAtMacRateTimesUtilizationOverMacs()
    {
        // 27,648 + 8,192 = 35,840 MACs at 1 GMAC/s x 50 % = 5e8 / 35,840 = 13,950.89... fps.
        var acc = Make(1e9, 0.5, OverlapMode.Pipelined, Sram(1L << 40, double.PositiveInfinity));
        var r = Deploy(TwoConvs(), acc);
        Assert.Equal(35_840, r.Analysis.Macs);
        Close(5e8 / 35_840, r.Throughput!.Fps);
        Close(35_840 / 5e8, r.Throughput.LatencySeconds);
        Assert.Equal(ThroughputModel.ComputeBound, r.Throughput.Bound);
        Assert.Equal(0, r.Throughput.DramBytesPerFrame);
    }

    [Fact]
    public void AModelWithNoComputeCostRunsAtBandwidthOverBytesStreamed()
    {
        // Everything in one 1 GB/s DRAM. Int8 max pools: 256 B in -> 64 B -> 16 B.
        // Traffic: read 256 + write 64, read 64 + write 16 = 400 B per frame.
        var b = new NetworkBuilder("pools", 1, 4, 8, 8);
        var p = b.MaxPool(b.Input, 2, 2);
        b.MaxPool(p, 2, 2);
        var acc = Make(1e9, 1, OverlapMode.Serialized, Dram(1L << 30, 1e9));
        var r = Deploy(b.Build(), acc);
        Assert.Equal(400, r.Throughput!.DramBytesPerFrame);
        Close(1e9 / 400, r.Throughput.Fps);
        Assert.Equal("dram", r.Throughput.Bound);
        Close(400 * (1e9 / 400), r.Throughput.DramBytesPerSecond);
    }

    [Fact]
    public void StreamedWeightsAtFreeComputeRunAtDramBandwidthOverWeightBytes()
    {
        // Int8 weights 432 + 128 = 560 B, int32 biases (16 + 8) x 4 = 96 B: 656 B. The arena
        // (1,024 + 512 B while conv2 runs) fits the 2,000 B SRAM, the weights do not: streamed from DRAM.
        var acc = Make(double.PositiveInfinity, 1, OverlapMode.Pipelined, Sram(2_000, double.PositiveInfinity), Dram(1L << 30, 1e9));
        var r = Deploy(TwoConvs(), acc);
        Assert.Equal(656, r.Analysis.WeightBytes);
        Assert.Equal(1_536, r.Analysis.Activations.PeakBytes);
        Assert.True(r.Placement!.Weights.Streamed);
        Assert.False(r.Placement.Activations.Streamed);
        Assert.Equal(656, r.Throughput!.DramBytesPerFrame);
        Close(1e9 / 656, r.Throughput.Fps);
        Assert.Contains("weights streamed from dram: 656 B/frame", r.Placement.Summary);
    }

    [Fact]
    public void ABatchReadsStreamedWeightsOnceAndMultipliesActivationTraffic()
    {
        // Batch 2: arena doubles to 3,072 B (SRAM 3,500 B leaves no room for weights), 656 B read once per batch.
        var acc = Make(double.PositiveInfinity, 1, OverlapMode.Pipelined, Sram(3_500, double.PositiveInfinity), Dram(1L << 30, 1e9));
        var r = Deploy(TwoConvs(2), acc, batch: 2);
        Assert.Equal(3_072, r.Analysis.Activations.PeakBytes);
        Assert.Equal(328, r.Throughput!.DramBytesPerFrame);
        Close(2 / (656 / 1e9), r.Throughput.Fps);

        // Activation traffic in SRAM: 2 x (192 + 1,024 + 1,024 + 512) = 5,504 B per batch, 2,752 per frame.
        Assert.Equal(2_752, r.Throughput.TierBytesPerFrame[0]);
    }

    [Fact]
    public void SpilledTensorsCostTheirWriteAndEveryReadInDram()
    {
        // in (100 B, 1 read) -> a (1,000 B, 1 read) -> b (100 B, 1 read) -> c (100 B, output, 0 reads).
        // Peak 1,100 B > 500 B SRAM. Fewest reads per byte first: c (0), then a (1/1000); then the live set
        // is 100 B and in + b re-pack into 100 B. DRAM: write a 1,000 + read a 1,000 + write c 100 = 2,100 B.
        var b = new NetworkBuilder("chain", 1, 1, 10, 10);
        var a = b.Conv(b.Input, 10, 1);
        var x = b.Conv(a, 1, 1);
        b.Conv(x, 1, 1);
        var acc = Make(1e12, 1, OverlapMode.Pipelined, Sram(500, 1e12), Dram(1L << 30, 1e9));
        var r = Deploy(b.Build(), acc);
        var spill = r.Placement!.Spill;
        Assert.Equal(1_100, r.Analysis.Activations.PeakBytes);
        Assert.Equal(2, spill.SpilledCount);
        Assert.Equal(1_000, spill.SpilledBytes); // a and c are never alive together: one 1,000 B arena in DRAM
        Assert.Equal(100, spill.KeptArenaBytes);
        Assert.Equal(2_100, r.Throughput!.DramBytesPerFrame);

        // SRAM: read in 100 (conv a), write b 100, read b 100 = 300 B; weights (10+10x4 + 10+1x4 + 1+1x4 = 69 B) fit SRAM too.
        Assert.Equal(300 + 69, r.Throughput.TierBytesPerFrame[0]);
        Assert.Contains("activations (1.1 kB): 2 tensors spill to dram (a 1.0 kB arena there), the rest fit in 100 B of sram", r.Placement.Summary);
    }

    [Fact]
    public void ADeploymentThatFitsNowhereHasNoThroughput()
    {
        var acc = Make(1e9, 1, OverlapMode.Pipelined, Sram(1_000, 1e9));
        var r = Deploy(TwoConvs(), acc);
        Assert.False(r.Placement!.Fits);
        Assert.Null(r.Throughput);
    }
}
