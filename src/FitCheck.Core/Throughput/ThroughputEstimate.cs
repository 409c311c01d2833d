namespace FitCheck.Throughput;

/// <summary>
/// The throughput model's answer for one deployment. <see cref="Fps"/> is throughput (frames per second
/// sustained); <see cref="LatencySeconds"/> the time from a frame's input to its result (for a batch, the
/// batch's). Bytes per frame are per image (a batch's traffic divided by the batch);
/// <see cref="TierBytesPerFrame"/> is indexed like the accelerator's tiers. <see cref="Bound"/> is
/// "compute", the name of the tier whose layers took most of the time, or "host-link".
/// </summary>
public sealed record ThroughputEstimate(
    int Batch,
    double Fps,
    double LatencySeconds,
    double ComputeSeconds,
    long DramBytesPerFrame,
    double DramBytesPerSecond,
    long[] TierBytesPerFrame,
    string Bound,
    IReadOnlyList<LayerCost> Layers)
{
    /// <summary>fps if memory were free: the compute roofline beside the achieved figure.</summary>
    public double ComputeBoundFps => ComputeSeconds > 0 ? Batch / ComputeSeconds : double.PositiveInfinity;

    /// <summary>Σ nominal MACs of the batch, and what the engine executed (fewer where Winograd applies).</summary>
    public long NominalMacs { get; init; }

    public long ExecutedMacs { get; init; }

    /// <summary>Seconds per inference (batch) spent moving input and outputs over the host link, overhead included.</summary>
    public double HostSeconds { get; init; }

    /// <summary>Weight bytes per frame read from on-chip cache, and streamed from off chip.</summary>
    public long CachedWeightBytes { get; init; }

    public long StreamedWeightBytes { get; init; }

    /// <summary>The runs executed in stripes (none unless the arena spills and the accelerator stripes).</summary>
    public StripePlan Stripes { get; init; } = StripePlan.None;

    /// <summary>Contexts a dataflow fabric runs the network in (1 when it fits at once or is not modelled as units).</summary>
    public int Contexts { get; init; } = 1;

    /// <summary>The figures the estimate assumed, stated for every report.</summary>
    public ThroughputAssumptions Assumptions { get; init; } = ThroughputAssumptions.Empty;
}
