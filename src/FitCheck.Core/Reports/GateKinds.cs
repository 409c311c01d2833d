namespace FitCheck.Reports;

/// <summary>
/// Gate names grouped into kinds for SARIF rule ids: "local-sram-total-fit" and "on-chip-total-fit" are
/// both the kind "total-fit". Known kinds come with a description; others get a generic one.
/// </summary>
public static class GateKinds
{
    private static readonly (string Kind, string Name, string Description)[] Known =
    [
        ("weights-fit", "WeightsFit", "The model's weights must fit the memory the manifest places them in."),
        ("activations-fit", "ActivationsFit", "The planned activation arena must fit the memory the manifest places it in."),
        ("code-fit", "CodeFit", "The estimated code (runtime, kernels, command stream) must fit the memory the manifest places it in."),
        ("total-fit", "TotalFit", "Everything placed in one memory must fit it together."),
        ("placement-fit", "PlacementFit", "Code, activations and weights must all find room in the accelerator's memory tiers together."),
        ("max-weights", "MaxWeights", "Weight bytes must stay under the manifest's ceiling."),
        ("max-activations", "MaxActivations", "The activation arena must stay under the manifest's ceiling."),
        ("max-code", "MaxCode", "Code bytes must stay under the manifest's ceiling."),
        ("max-total", "MaxTotal", "Weights + activations + code must stay under the manifest's ceiling."),
        ("min-fps", "MinFps", "The estimated frame rate must reach the manifest's floor."),
        ("max-latency", "MaxLatency", "The estimated latency must stay under the manifest's ceiling."),
        ("max-dram-bandwidth", "MaxDramBandwidth", "DRAM traffic per second must stay under the manifest's ceiling."),
        ("max-growth", "MaxGrowth", "No figure may grow (or fps drop) beyond the --max-growth budget relative to the baseline."),
    ];

    public static string Kind(string gate) =>
        gate.EndsWith("-total-fit", StringComparison.Ordinal) ? "total-fit" : gate;

    /// <summary>Position in the fixed order of known kinds; unknown kinds sort after them by name.</summary>
    public static int Order(string kind)
    {
        var i = Array.FindIndex(Known, k => k.Kind == kind);
        return i < 0 ? Known.Length : i;
    }

    public static string Name(string kind)
    {
        var i = Array.FindIndex(Known, k => k.Kind == kind);
        return i < 0 ? string.Concat(kind.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])) : Known[i].Name;
    }

    public static string Description(string kind)
    {
        var i = Array.FindIndex(Known, k => k.Kind == kind);
        return i < 0 ? $"The gate '{kind}' must pass." : Known[i].Description;
    }
}
