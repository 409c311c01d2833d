namespace FitCheck.Throughput;

/// <summary>
/// The throughput model's answer for one deployment. Bytes per frame are per image (a batch's traffic
/// divided by the batch); <see cref="TierBytesPerFrame"/> is indexed like the accelerator's tiers.
/// <see cref="Bound"/> is "compute" or the name of the tier whose layers took most of the time.
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
}
