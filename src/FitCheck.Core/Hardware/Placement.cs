namespace FitCheck.Hardware;

/// <summary>
/// Where code, the activation arena and the weights of one model x resolution live on one accelerator,
/// with a sentence a person can read ("weights streamed from dram: 62.0 MB/frame; activations spill
/// 9.4 MB to dram"). <see cref="Fits"/> is false when some item has no tier with room; then there is
/// no throughput to estimate.
/// </summary>
public sealed record Placement(
    Accelerator Accelerator,
    ItemPlacement Code,
    ItemPlacement Activations,
    ItemPlacement Weights,
    ActivationSpill Spill,
    string Summary,
    WeightCache? Cache = null)
{
    public WeightCache WeightCache => Cache ?? WeightCache.None;

    public bool Fits => Code.Fits && Activations.Fits && Weights.Fits && (!Spill.Any || Spill.SpillTier >= 0);

    public string TierName(int tier) => tier < 0 ? "nowhere" : Accelerator.Tiers[tier].Name;
}
