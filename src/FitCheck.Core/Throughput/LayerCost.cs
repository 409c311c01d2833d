namespace FitCheck.Throughput;

/// <summary>
/// One executed layer's time on an accelerator. <see cref="TierBytes"/> is indexed like the accelerator's
/// tiers (bytes moved there for one batch); <see cref="BoundTier"/> is -1 when compute dominated.
/// </summary>
public sealed record LayerCost(
    int Layer,
    double ComputeSeconds,
    long[] TierBytes,
    double MemorySeconds,
    double Seconds,
    int BoundTier);
