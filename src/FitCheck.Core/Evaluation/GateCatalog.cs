namespace FitCheck.Evaluation;

/// <summary>
/// Every gate FitCheck knows, in the order results list them. The manifest reader (keys and value kinds), the
/// JSON Schema test, the "fits somewhere" fallback, the evaluator and every reporter (SARIF rules, Markdown
/// legend, JUnit kinds) read this table, so adding a gate is adding a row here and a test for it.
/// </summary>
public static class GateCatalog
{
    public const string GrowthGate = "max-growth";

    public static IReadOnlyList<GateDefinition> All { get; } =
    [
        new("weights-fit", "weights", GateValueKind.Target, "WeightsFit",
            "The model's weights must fit the memory the manifest places them in.",
            "weights fit where `weights:` puts them (`on-chip`, `anywhere` or a tier)",
            FitGates.Item, Item: "weights", Figure: a => a.WeightBytes),
        new("activations-fit", "activations", GateValueKind.Target, "ActivationsFit",
            "The planned activation arena must fit the memory the manifest places it in.",
            "the planned activation arena fits where `activations:` puts it",
            FitGates.Item, Item: "activations", Figure: a => a.Activations.PeakBytes),
        new("code-fit", "code", GateValueKind.Target, "CodeFit",
            "The estimated code (runtime, kernels, command stream) must fit the memory the manifest places it in.",
            "the estimated code fits where `code:` puts it",
            FitGates.Item, Item: "code", Figure: a => a.CodeBytes),
        new("total-fit", null, GateValueKind.None, "TotalFit",
            "Everything placed in one memory must fit it together.",
            "items sent to the same memory fit it together (named after that memory: `on-chip-total-fit`)",
            FitGates.Totals, PerTarget: true),
        new("max-weights", "maxWeights", GateValueKind.Bytes, "MaxWeights",
            "Weight bytes must stay under the manifest's ceiling.",
            "weights stay under `maxWeights:`",
            FitGates.Ceiling, Item: "weights", Figure: a => a.WeightBytes),
        new("max-activations", "maxActivations", GateValueKind.Bytes, "MaxActivations",
            "The activation arena must stay under the manifest's ceiling.",
            "the activation arena stays under `maxActivations:`",
            FitGates.Ceiling, Item: "activations", Figure: a => a.Activations.PeakBytes),
        new("max-code", "maxCode", GateValueKind.Bytes, "MaxCode",
            "Code bytes must stay under the manifest's ceiling.",
            "code stays under `maxCode:`",
            FitGates.Ceiling, Item: "code", Figure: a => a.CodeBytes),
        new("max-total", "maxTotal", GateValueKind.Bytes, "MaxTotal",
            "Weights + activations + code must stay under the manifest's ceiling.",
            "weights + activations + code stay under `maxTotal:`",
            FitGates.Ceiling, Item: "weights + activations + code", Figure: a => checked(a.WeightBytes + a.Activations.PeakBytes + a.CodeBytes)),
        new("placement-fit", null, GateValueKind.None, "PlacementFit",
            "Code, activations and weights must all find room in the accelerator's memory tiers together.",
            "code, activations and weights all find room in the accelerator's tiers together",
            PlacementFit),
        new("min-fps", "minFps", GateValueKind.FrameRate, "MinFps",
            "The estimated frame rate must reach the manifest's floor.",
            "the estimated frame rate reaches `minFps:`",
            PerformanceGates.MinFps),
        new("max-latency", "maxLatency", GateValueKind.Duration, "MaxLatency",
            "The estimated latency must stay under the manifest's ceiling.",
            "the estimated latency stays under `maxLatency:`",
            PerformanceGates.MaxLatency),
        new("max-dram-bandwidth", "maxDramBandwidth", GateValueKind.Bandwidth, "MaxDramBandwidth",
            "DRAM traffic per second must stay under the manifest's ceiling.",
            "DRAM traffic per second stays under `maxDramBandwidth:`",
            PerformanceGates.MaxDramBandwidth),
        new(GrowthGate, null, GateValueKind.None, "MaxGrowth",
            "No figure may grow (or fps drop) beyond the --max-growth budget relative to the baseline.",
            "no figure grows (or fps drops) beyond `--max-growth` against the baseline",
            Growth, GateStage.Baseline),
    ];

    /// <summary>The manifest keys of `gates:` that ask for a gate, in catalogue order.</summary>
    public static IEnumerable<string> ManifestKeys => All.Where(d => d.ManifestKey is not null).Select(d => d.ManifestKey!);

    /// <summary>The row a result belongs to ("local-sram-total-fit" belongs to total-fit); null for a name no row claims.</summary>
    public static GateDefinition? Find(string gate) => All.FirstOrDefault(d => d.Matches(gate));

    /// <summary>Position of a gate's row, for a fixed order in reports; unknown names sort last.</summary>
    public static int Order(string gate)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Matches(gate))
            {
                return i;
            }
        }

        return All.Count;
    }

    /// <summary>Every gate of one stage, in catalogue order.</summary>
    public static List<GateResult> Evaluate(GateContext context, GateStage stage) =>
        [.. All.Where(d => d.Stage == stage).SelectMany(d => d.Evaluate(context, d))];

    private static IEnumerable<GateResult> PlacementFit(GateContext c, GateDefinition d)
    {
        // Each item may fit its named place alone while all of them together do not fit the chip's
        // memory (weights "anywhere" and activations "on-chip" on an SRAM-only part share one tier).
        if (c.Placement is { Fits: false } p)
        {
            yield return new GateResult(d.Id, false, $"the model does not fit {p.Accelerator.Name}: {p.Summary}");
        }
    }

    private static IEnumerable<GateResult> Growth(GateContext c, GateDefinition d)
    {
        if (c.Growth is not { } g)
        {
            yield break;
        }

        var beyond = g.Figures.Where(f => f.Regression > g.Budget).ToList();
        yield return beyond.Count == 0
            ? new GateResult(d.Id, true, $"every figure within the {g.BudgetText} growth budget against {g.BaselineName}")
            : new GateResult(d.Id, false, string.Join("; ", beyond.Select(f =>
                $"{f.Text} {(f.HigherIsBetter ? "drops more than" : "grows more than")} the {g.BudgetText} budget against {g.BaselineName}")));
    }
}
