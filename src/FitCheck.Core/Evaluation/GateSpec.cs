using FitCheck.Diagnostics;

namespace FitCheck.Evaluation;

/// <summary>
/// What must hold for a deployment to pass: the value of each gate the manifest asks for, keyed by the gate's
/// manifest key (`weights`, `maxWeights`, `minFps`, ... as listed in the gate catalogue). Placement targets are
/// "on-chip" (all on-chip tiers together), "anywhere" (any tier, DRAM included) or the name of one tier (a
/// string); sizes are bytes (long); rates, times and bandwidths are SI base units (double).
/// <see cref="HeadroomFraction"/> keeps that share of every capacity free (0.1 = 10 %).
/// </summary>
public sealed record GateSpec
{
    public const string OnChip = "on-chip";
    public const string Anywhere = "anywhere";

    public static readonly GateSpec None = new();

    public GateSpec(IReadOnlyDictionary<string, object> values, double headroomFraction, SourceLocation? location)
    {
        Values = values;
        HeadroomFraction = headroomFraction;
        Location = location;
    }

    /// <summary>
    /// Spelled-out construction for code and tests. Only a convenience: a new gate needs no parameter here, its
    /// value is set through <see cref="Values"/> by its manifest key.
    /// </summary>
    public GateSpec(
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
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        Put(values, "weights", WeightsIn);
        Put(values, "activations", ActivationsIn);
        Put(values, "code", CodeIn);
        Put(values, "maxWeights", MaxWeightBytes);
        Put(values, "maxActivations", MaxActivationBytes);
        Put(values, "maxCode", MaxCodeBytes);
        Put(values, "maxTotal", MaxTotalBytes);
        Put(values, "minFps", MinFps);
        Put(values, "maxLatency", MaxLatencySeconds);
        Put(values, "maxDramBandwidth", MaxDramBytesPerSecond);
        Values = values;
        this.HeadroomFraction = HeadroomFraction;
        this.Location = Location;
    }

    /// <summary>Each stated gate's value by manifest key.</summary>
    public IReadOnlyDictionary<string, object> Values { get; init; }

    public double HeadroomFraction { get; init; }

    public SourceLocation? Location { get; init; }

    /// <summary>Where each gate key's value was written, by manifest key (`minFps`, `weights`...), so a failed gate can point at its line.</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations;

    /// <summary>Each value as the manifest wrote it (`8 MiB`), so a report can echo the user's own units.</summary>
    public IReadOnlyDictionary<string, string> Written { get; init; } = EmptyText;

    public bool Has(string key) => Values.ContainsKey(key);

    public string? Target(string key) => Values.GetValueOrDefault(key) as string;

    public long? Bytes(string key) => Values.GetValueOrDefault(key) is long v ? v : null;

    public double? Number(string key) => Values.GetValueOrDefault(key) is double v ? v : null;

    public string? WeightsIn => Target("weights");

    public string? ActivationsIn => Target("activations");

    public string? CodeIn => Target("code");

    public long? MaxWeightBytes => Bytes("maxWeights");

    public double? MinFps => Number("minFps");

    public double? MaxLatencySeconds => Number("maxLatency");

    public double? MaxDramBytesPerSecond => Number("maxDramBandwidth");

    private static readonly IReadOnlyDictionary<string, SourceLocation> EmptyLocations = new Dictionary<string, SourceLocation>();

    private static readonly IReadOnlyDictionary<string, string> EmptyText = new Dictionary<string, string>();

    private static void Put(Dictionary<string, object> values, string key, object? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
    }
}
