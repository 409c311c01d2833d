using FitCheck.Analysis;
using FitCheck.Hardware;

namespace FitCheck.Throughput;

/// <summary>
/// Per-layer compute efficiency from the engine's shape, in the spirit of Vela's npu_performance: the work is
/// cut into tiles of the MAC array, and a tile that is only partly used still costs a full pass.
/// <list type="bullet">
/// <item>Convolution / fully connected: the reduction (input channels per group x kernel taps, im2col) runs
/// along the array's inputs and the output channels along its outputs, each rounded up to whole lanes:
/// efficiency = K / (ceil(K/in) in) x N / (ceil(N/out) out).</item>
/// <item>Depthwise: a channel reduces only over its own taps, so only taps of the input lanes work
/// (9 of 64 for 3x3 on a 64x64 array); channels run along the outputs. On a dataflow fabric of units
/// (<see cref="ComputeEngine.FabricUnits"/>), whose blocks connect input channels to output channels and step
/// through the taps in time, a depthwise channel feeds only its own output: the block's diagonal, one input
/// lane of the rows (an assumption stated with the fabric).</item>
/// <item>Each weight tile is reused over the layer's output positions P and costs in + out cycles to fill
/// and drain: x P / (P + in + out). Small feature maps (7x7 with many channels) pay for it.</item>
/// <item>Pooling, elementwise, copies and resizes run on the vector unit: elements read / lanes cycles.</item>
/// <item>Winograd F(2x2,3x3), where declared, executes a 3x3 stride-1 convolution's MACs / 2.25.</item>
/// </list>
/// Utilization stays a global factor on top. Without a declared array every MAC runs at the peak rate.
/// </summary>
public static class LayerEfficiency
{
    /// <summary>MACs the engine executes for the layer (nominal, or Winograd's fewer).</summary>
    public static long ExecutedMacs(in LayerShape shape, long macs, ComputeEngine engine) =>
        engine.Winograd && shape.WinogradEligible ? (long)Math.Round(macs / ComputeEngine.WinogradFactor) : macs;

    /// <summary>Share of the array's MACs doing useful work for the layer; 1 without a declared array or for non-array work.</summary>
    public static double Of(in LayerShape shape, ComputeEngine engine) => Mapped(shape, engine) * engine.Kinds[KindOf(shape)];

    /// <summary>The layer's operator kind, an index into <see cref="KindEfficiency.Names"/>; -1 for no work.</summary>
    public static int KindOf(in LayerShape shape) => shape.Kind switch
    {
        WorkKind.Array => shape.Taps > 1 ? 0 : 1,
        WorkKind.Depthwise => 2,
        WorkKind.Vector => 3,
        _ => -1,
    };

    private static double Mapped(in LayerShape shape, ComputeEngine engine)
    {
        if (!engine.HasArray || shape.Kind is WorkKind.None or WorkKind.Vector)
        {
            return 1;
        }

        var rows = shape.Kind == WorkKind.Depthwise ? (engine.FabricUnits > 0 ? 1 : shape.Taps) : shape.K;
        var cols = shape.N;
        var p = (double)Math.Max(1, shape.Pixels);
        return Used(rows, engine.InputLanes) * Used(cols, engine.OutputLanes) * (p / (p + engine.FillCycles));
    }

    /// <summary>Seconds of compute at the given utilization: array MACs / (rate x efficiency) + vector elements / vector rate.</summary>
    public static double Seconds(in LayerShape shape, long macs, Accelerator accelerator, double efficiency)
    {
        var engine = accelerator.ComputeShape;
        var rate = accelerator.MacsPerSecond * accelerator.Utilization;
        double seconds = 0;
        var executed = ExecutedMacs(shape, macs, engine);
        if (executed > 0)
        {
            seconds = executed / (rate * efficiency);
        }

        if (shape.Kind == WorkKind.Vector && engine.HasArray && engine.VectorLanes > 0)
        {
            // The vector unit runs at the array's clock: peak MAC/s / array MACs.
            var clock = accelerator.MacsPerSecond / engine.ArrayMacs;
            seconds += shape.VectorElements / (engine.VectorLanes * clock * accelerator.Utilization * efficiency);
        }

        return seconds;
    }

    private static double Used(long need, int lanes) =>
        need <= 0 ? 1 : need / (double)(((need + lanes - 1) / lanes) * lanes);
}
