namespace FitCheck.Throughput;

/// <summary>
/// One executed layer's time on an accelerator. <see cref="TierBytes"/> is indexed like the accelerator's
/// tiers (bytes moved there for one batch); <see cref="BoundTier"/> is -1 when compute dominated.
/// <see cref="Efficiency"/> is the share of the MAC array the layer keeps busy (1 without a declared array);
/// <see cref="ExecutedMacs"/> is below the layer's nominal MACs where Winograd applies.
/// </summary>
public sealed record LayerCost(
    int Layer,
    double ComputeSeconds,
    long[] TierBytes,
    double MemorySeconds,
    double Seconds,
    int BoundTier,
    double Efficiency = 1,
    long ExecutedMacs = 0)
{
    /// <summary>The striped run the layer executes in (index into <see cref="StripePlan.Runs"/>), or -1.</summary>
    public int Run { get; init; } = -1;

    /// <summary>MACs recomputed in the stripes' halos (nominal, for the batch); included in <see cref="ExecutedMacs"/>.</summary>
    public long ExtraMacs { get; init; }
}
