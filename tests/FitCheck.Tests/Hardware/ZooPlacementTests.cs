using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Hardware;

public class ZooPlacementTests
{
    /// <summary>The article's bulk-SRAM design: 8 MiB on chip at 400 GB/s, LPDDR4 at 17 GB/s behind it.</summary>
    private static readonly Accelerator BulkSram = new("bulk-sram", 8e12, 0.6, OverlapMode.Pipelined,
        [new MemoryTier("sram", 8 * 1024 * 1024, 1, 400e9, true), new MemoryTier("dram", 4L << 30, 1, 17e9, false)],
        CodeSizeModel.Default);

    private static CheckResult Deploy(string model, int side)
    {
        var source = ModelZoo.Get(model, null);
        var analysis = Evaluator.Analyze(model, source, new Resolution(side, side), 1, Precision.Int8, CodeSizeModel.Default);
        return Evaluator.Deploy(analysis, BulkSram, GateSpec.None);
    }

    [Fact]
    public void ResNet50At224KeepsActivationsOnChipAndStreamsWeights()
    {
        var r = Deploy("resnet50", 224);
        var p = r.Placement!;
        Assert.Equal("sram", p.TierName(p.Activations.Tier));
        Assert.False(p.Spill.Any);
        Assert.True(p.Weights.Streamed); // ~25.6 MB of int8 weights cannot share 8 MiB

        // Whole layers fill the SRAM left after code (189 kB) and the 1.8 MB arena; the rest of the weights are
        // the only DRAM traffic, exactly the streamed bytes per frame.
        var t = r.Throughput!;
        Assert.Equal(r.Analysis.WeightBytes, t.CachedWeightBytes + t.StreamedWeightBytes);
        Assert.Equal(p.WeightCache.CachedBytes, t.CachedWeightBytes);
        Assert.InRange(t.CachedWeightBytes, 8 * 1024 * 1024 - r.Analysis.CodeBytes - r.Analysis.Activations.PeakBytes - 2_400_000,
            8 * 1024 * 1024 - r.Analysis.CodeBytes - r.Analysis.Activations.PeakBytes);
        Assert.Equal(t.StreamedWeightBytes, t.DramBytesPerFrame);
    }

    [Fact]
    public void YoloV3At608SpillsActivationsToDram()
    {
        var r = Deploy("yolov3", 608);
        var p = r.Placement!;
        Assert.True(r.Analysis.Activations.PeakBytes > 8 * 1024 * 1024);
        Assert.True(p.Spill.Any);
        Assert.Equal("dram", p.TierName(p.Spill.SpillTier));
        Assert.True(p.Spill.KeptArenaBytes + r.Analysis.CodeBytes <= 8 * 1024 * 1024);

        // Every spilled byte is written once and read at least once, on top of the streamed weights.
        Assert.True(r.Throughput!.DramBytesPerFrame >= r.Analysis.WeightBytes + 2 * p.Spill.SpilledBytes);
        Assert.Contains("to dram", p.Summary);
        Assert.Contains("activations (", p.Summary);
    }
}
