using FitCheck.Diagnostics;

namespace FitCheck.Manifest;

/// <summary>
/// What must hold for a deployment to pass. Placement targets are "on-chip" (all on-chip tiers
/// together), "anywhere" (any tier, DRAM included) or the name of one tier. Byte ceilings and
/// performance floors are optional; <see cref="HeadroomFraction"/> keeps that share of every
/// capacity free (0.1 = 10 %).
/// </summary>
public sealed record GateSpec(
    string? WeightsIn = null,
    string? ActivationsIn = null,
    string? CodeIn = null,
    long? MaxWeightBytes = null,
    long? MaxActivationBytes = null,
    long? MaxCodeBytes = null,
    long? MaxTotalBytes = null,
    double HeadroomFraction = 0,
    double? MinFps = null,
    double? MaxLatencySeconds = null,
    double? MaxDramBytesPerSecond = null,
    SourceLocation? Location = null)
{
    public const string OnChip = "on-chip";
    public const string Anywhere = "anywhere";

    public static readonly GateSpec None = new();

    /// <summary>Where each gate key's value was written, by manifest key (`minFps`, `weights`...), so a failed gate can point at its line.</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations;

    private static readonly IReadOnlyDictionary<string, SourceLocation> EmptyLocations = new Dictionary<string, SourceLocation>();
}
