using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;

namespace FitCheck.Tests.Throughput;

/// <summary>Small accelerators and networks whose figures can be worked out by hand.</summary>
internal static class TestHardware
{
    public static readonly CodeSizeModel NoCode = new(0, 0, 0);

    public static MemoryTier Sram(long bytes, double bandwidth) => new("sram", bytes, 1, bandwidth, true);

    public static MemoryTier Dram(long bytes, double bandwidth) => new("dram", bytes, 1, bandwidth, false);

    /// <summary>All-or-nothing weights, so the placement tests see whole items; partial caching has its own tests.</summary>
    public static Accelerator Make(double macs, double utilization, OverlapMode overlap, params MemoryTier[] tiers) =>
        new("test", macs, utilization, overlap, tiers, NoCode, Caching: WeightCaching.AllOrNothing);

    public static ModelAnalysis Analyze(Network network, Precision precision = Precision.Int8, int batch = 1) =>
        ModelAnalysis.Run(network.Name, network, new Resolution((int)network.Input.W, (int)network.Input.H), batch, precision, NoCode);

    public static CheckResult Deploy(Network network, Accelerator acc, int batch = 1) =>
        Evaluator.Deploy(Analyze(network, batch: batch), acc, GateSpec.None);

    /// <summary>1x3x8x8 -> conv3x3 16 (27,648 MACs; 432 weights + 16 biases) -> conv1x1 8 (8,192 MACs; 128 + 8).</summary>
    public static Network TwoConvs(int batch = 1)
    {
        var b = new NetworkBuilder("two-convs", batch, 3, 8, 8);
        var x = b.Conv(b.Input, 16, 3);
        b.Conv(x, 8, 1);
        return b.Build();
    }
}
