namespace FitCheck.Advice;

/// <summary>
/// How `--for` names a gate: by its full name (`activations-fit`, `min-fps`) or by the item it is about
/// (`activations` matches `activations-fit` and `max-activations`).
/// </summary>
public static class GateNames
{
    public const string PlacementFit = "placement-fit";
    public const string MinFps = "min-fps";
    public const string MaxLatency = "max-latency";

    public static bool Matches(string gate, string asked)
    {
        var a = asked.Trim().ToLowerInvariant();
        return gate == a || gate == a + "-fit" || gate == "max-" + a;
    }
}
