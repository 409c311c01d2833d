namespace FitCheck.Hardware;

/// <summary>
/// The shape of an accelerator's compute, from which each layer's efficiency follows: a MAC array of
/// <see cref="InputLanes"/> x <see cref="OutputLanes"/> (input channels x output channels per cycle, as a
/// systolic array or a dataflow cluster maps them), a vector unit of <see cref="VectorLanes"/> elements per
/// cycle for pooling and elementwise work, and whether 3x3 stride-1 convolutions run as Winograd
/// F(2x2,3x3). <see cref="Ideal"/> (no array declared) keeps the plain model: every MAC at the peak rate,
/// vector work free.
/// </summary>
public sealed record ComputeEngine(int InputLanes, int OutputLanes, int VectorLanes, bool Winograd)
{
    public static readonly ComputeEngine Ideal = new(0, 0, 0, false);

    public bool HasArray => InputLanes > 0 && OutputLanes > 0;

    /// <summary>
    /// Compute units of a dataflow fabric that layers are allocated to in whole units (see
    /// Throughput.DataflowFabric); 0 when the fabric is not modelled as units (the plain dataflow period).
    /// </summary>
    public int FabricUnits { get; init; }

    /// <summary>
    /// Bytes per second one layer's stage of a dataflow fabric can read and write on chip (its activations in
    /// and out through the memory next to it); 0 when not modelled. A layer that moves many bytes for few MACs
    /// is held to this rate however many units it has.
    /// </summary>
    public double LayerBytesPerSecond { get; init; }

    /// <summary>Efficiency factors per operator kind a team fitted or declared; all 1 by default.</summary>
    public KindEfficiency Kinds { get; init; } = KindEfficiency.One;

    public long ArrayMacs => (long)InputLanes * OutputLanes;

    /// <summary>Cycles to fill and drain the array once per weight tile: a stated assumption (rows + columns).</summary>
    public int FillCycles => InputLanes + OutputLanes;

    /// <summary>Multiplies Winograd F(2x2,3x3) saves: 36 per 2x2 output tile become 16.</summary>
    public const double WinogradFactor = 2.25;
}
