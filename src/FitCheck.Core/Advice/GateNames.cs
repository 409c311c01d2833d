using FitCheck.Evaluation;

namespace FitCheck.Advice;

/// <summary>
/// How `--for` names a gate, read from <see cref="GateCatalog"/>: by the result's name (`activations-fit`,
/// `on-chip-total-fit`), its catalogue id, its manifest key (`minFps`) or the item it weighs (`activations`
/// matches `activations-fit` and `max-activations`).
/// </summary>
public static class GateNames
{
    public const string PlacementFit = "placement-fit";
    public const string MinFps = "min-fps";
    public const string MaxLatency = "max-latency";
    public const string MaxDramBandwidth = "max-dram-bandwidth";

    public static bool Matches(string gate, string asked)
    {
        var a = asked.Trim();
        if (string.Equals(gate, a, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return GateCatalog.Find(gate) is { } d
            && (string.Equals(d.Id, a, StringComparison.OrdinalIgnoreCase)
                || string.Equals(d.ManifestKey, a, StringComparison.OrdinalIgnoreCase)
                || string.Equals(d.Item, a, StringComparison.OrdinalIgnoreCase));
    }
}
