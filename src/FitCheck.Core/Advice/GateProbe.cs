using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Manifest;

namespace FitCheck.Advice;

/// <summary>
/// Runs the real gates (<see cref="Evaluator.Deploy"/>: placement, throughput, every gate) on one candidate,
/// and a cheap necessary condition for them. <see cref="CertainlyFails"/> evaluates the fit gates on the
/// live-set lower bound of the arena instead of the planned peak (no plan is smaller, so a gate failing on
/// the bound fails on the peak), the placement on code + bound + weights against all memory, and the
/// throughput gates on <see cref="LatencyFloor"/>. Every quantity it reads grows with
/// the input size and the batch, which is what makes it safe to bisect on.
/// </summary>
public static class GateProbe
{
    /// <summary>Gates a question looks at: all of them, or those `--for` names.</summary>
    public static IReadOnlyList<GateResult> Relevant(IReadOnlyList<GateResult> gates, string? only) =>
        only is null ? gates : gates.Where(g => GateNames.Matches(g.Name, only)).ToList();

    public static CheckResult Run(ModelAnalysis analysis, Accelerator accelerator, GateSpec gates) =>
        Evaluator.Deploy(analysis, accelerator, gates);

    public static bool Passes(ModelAnalysis? analysis, Accelerator accelerator, GateSpec gates, string? only) =>
        analysis is not null && Relevant(Run(analysis, accelerator, gates).Gates, only).All(g => g.Passed);

    public static bool CertainlyFails(ModelAnalysis? analysis, Accelerator accelerator, GateSpec gates, string? only)
    {
        if (analysis is null)
        {
            return true;
        }

        var a = analysis.WithCodeModel(accelerator.Code);
        var bound = a with { Activations = a.Activations with { PeakBytes = a.Activations.LowerBoundBytes } };
        // The catalogue's memory rows (those that weigh an item), run on the bound; the placement is a
        // stand-in that only carries the accelerator, since these rows read capacities, not where things went.
        var nowhere = new Placement(accelerator, new ItemPlacement("code", 0, -1, false), new ItemPlacement("activations", 0, -1, false),
            new ItemPlacement("weights", 0, -1, false), new ActivationSpill(-1, 0, 0, 0, []), "");
        var context = new GateContext(bound, gates, nowhere, null);
        var results = GateCatalog.All
            .Where(d => d.Stage == GateStage.Deployment && (d.Item is not null || d.PerTarget))
            .SelectMany(d => d.Evaluate(context, d))
            .ToList();
        var memory = accelerator.Tiers.Aggregate(0L, (s, t) => checked(s + t.CapacityBytes));
        var least = checked(a.CodeBytes + a.Activations.LowerBoundBytes + a.WeightBytes);
        results.Add(new GateResult(GateNames.PlacementFit, least <= memory, ""));
        var latency = gates.MinFps is null && gates.MaxLatencySeconds is null ? 0 : LatencyFloor.Seconds(a, accelerator);
        if (gates.MinFps is { } minFps)
        {
            // In dataflow execution fps is set by the period (the slowest stage), not by latency: bounded by its own floor.
            var period = accelerator.Execution == ExecutionMode.LayerByLayer ? latency : LatencyFloor.DataflowPeriodSeconds(a, accelerator);
            results.Add(new GateResult(GateNames.MinFps, period <= 0 || a.Batch / period >= minFps, ""));
        }

        if (gates.MaxLatencySeconds is { } maxLatency)
        {
            results.Add(new GateResult(GateNames.MaxLatency, latency <= maxLatency, ""));
        }

        return Relevant(results, only).Any(g => !g.Passed);
    }
}
