using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Throughput;

namespace FitCheck.Tests.Reports;

/// <summary>
/// Hand-made reports with hand-chosen figures, independent of the zoo and the planner, so every number a
/// snapshot shows can be checked by hand:
///   tiny-npu: sram 2 MiB = 2,097,152 B on chip (10 % headroom leaves floor(0.9 x 2,097,152) = 1,887,436 B),
///             dram 256 MiB = 268,435,456 B; all memory 270,532,608 B.
///   grid-npu: local-sram 128 tiles x 64 KiB = 8,388,608 B on chip, nothing else.
///   netA: weights 1,200,000 B, code 140,000 B; activations 800,000 B at 224x224, 3,200,000 B at 448x448.
/// </summary>
internal static class ReportFixtures
{
    public const string Manifest = "examples/failing/fitcheck.yml";

    public static readonly Accelerator TinyNpu = new("tiny-npu", 1e12, 0.5, OverlapMode.Pipelined,
        [new MemoryTier("sram", 2 * 1024 * 1024, 1, 100e9, true), new MemoryTier("dram", 256L * 1024 * 1024, 1, 10e9, false)],
        CodeSizeModel.Default);

    public static readonly Accelerator GridNpu = new("grid-npu", 4e12, 0.6, OverlapMode.Pipelined,
        [new MemoryTier("local-sram", 64 * 1024, 128, 4e12, true)],
        CodeSizeModel.Default);

    public static readonly IReadOnlyList<Accelerator> Accelerators = [TinyNpu, GridNpu];

    public static CheckReport Passing() => new(Manifest,
    [
        Result(224, 800_000, "tiny-npu", 30,
            Pass("weights-fit", "weights 1.2 MB fit all of tiny-npu's memory (270.5 MB), 269.3 MB to spare"),
            Pass("activations-fit", "activations 800.0 kB fit on-chip sram (1.9 MB usable of 2.1 MB with 10% headroom), 1.1 MB to spare")),
        Result(224, 800_000, "grid-npu", 30,
            Pass("weights-fit", "weights 1.2 MB fit all of grid-npu's memory (8.4 MB), 7.2 MB to spare"),
            Pass("activations-fit", "activations 800.0 kB fit on-chip local-sram (8.4 MB), 7.6 MB to spare")),
    ]);

    /// <summary>
    /// Passing's two deployments plus netA@448x448 on both; throughput estimates of 50, 200 and 50 fps where
    /// the deployment fits, none for the one that does not (as the placement gives no estimate then).
    /// </summary>
    public static CheckReport Failing() => new(Manifest,
    [
        Passing().Results[0] with { Throughput = Fps(50) },
        Passing().Results[1] with { Throughput = Fps(200) },
        Result(448, 3_200_000, "tiny-npu", 31,
            Pass("weights-fit", "weights 1.2 MB fit all of tiny-npu's memory (270.5 MB), 269.3 MB to spare"),
            Fail("activations-fit", "activations 3.2 MB exceed on-chip sram (1.9 MB usable of 2.1 MB with 10% headroom) by 1.3 MB")),
        Result(448, 3_200_000, "grid-npu", 31,
            Pass("weights-fit", "weights 1.2 MB fit all of grid-npu's memory (8.4 MB), 7.2 MB to spare"),
            Pass("activations-fit", "activations 3.2 MB fit on-chip local-sram (8.4 MB), 5.2 MB to spare")) with { Throughput = Fps(50) },
    ]);

    /// <summary>A compute-bound estimate at batch 1: only fps and latency matter to the reports.</summary>
    public static ThroughputEstimate Fps(double fps) => new(1, fps, 1 / fps, 1 / fps, 0, 0, [], "compute", []);

    public static GateResult Pass(string name, string message) => new(name, true, message);

    public static GateResult Fail(string name, string message) => new(name, false, message);

    /// <summary>netA at side x side; the deployment is declared at (line, 14) of the manifest.</summary>
    public static CheckResult Result(int side, long activations, string accelerator, int line, params GateResult[] gates) =>
        new(Analysis("netA", side, 1_200_000, activations, 140_000), accelerator, gates, new SourceLocation(Manifest, line, 14));

    public static ModelAnalysis Analysis(string model, int side, long weights, long activations, long code)
    {
        // The network is only a carrier: reporters read the figures below, not the layers.
        var b = new NetworkBuilder(model, 1, 3, side, side);
        b.Conv(b.Input, 8, 3);
        var plan = new ActivationPlan(activations, activations, activations, "conv", activations / 2, activations / 4, [], [], []);
        return new ModelAnalysis(model, b.Build(), new Resolution(side, side), 1, Precision.Int8, weights, code, 1, CodeSizeModel.Default, plan);
    }
}
