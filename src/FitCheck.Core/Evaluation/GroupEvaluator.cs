using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Throughput;

namespace FitCheck.Evaluation;

/// <summary>
/// Models deployed together on one accelerator (a `together:` group): placed as one (see
/// <see cref="CoResidentPlacer"/>), then each member gated as it runs in the group. Where items must fit
/// (`weights:`, `activations:`, `code:`, the per-memory totals, placement) the member's gate weighs the group's
/// figures — shared code, the arena region, all weights — so a set that fits one model at a time but not
/// together fails, naming the group. Ceilings on the model itself (`maxWeights:` ...) weigh its own figures.
/// Throughput is time-sharing: the members run in turn, one frame (batch) each per cycle, so every member's
/// fps is its batch over the cycle (the sum of each member's latency under the group's placement).
/// </summary>
public static class GroupEvaluator
{
    public sealed record Member(string Label, ModelAnalysis Analysis, GateSpec Gates, SourceLocation? Location);

    public static IReadOnlyList<CheckResult> Evaluate(string name, ArenaSharing arenas, IReadOnlyList<Member> members, Accelerator accelerator,
        SourceLocation? at = null)
    {
        try
        {
            return EvaluateUnchecked(name, arenas, members, accelerator, at);
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.FigureOverflow($"a figure of group '{name}' on {accelerator.Name}", at));
        }
    }

    /// <summary>Gates that weigh where things fit read the group's figures; the others the member's own.</summary>
    public static bool WeighsTheGroup(GateDefinition d) =>
        d.Value == GateValueKind.Target || d.PerTarget || d.Id == "placement-fit";

    private static List<CheckResult> EvaluateUnchecked(string name, ArenaSharing arenas, IReadOnlyList<Member> members, Accelerator accelerator,
        SourceLocation? at)
    {
        var analyses = members.Select(m => m.Analysis.WithCodeModel(accelerator.Code)).ToList();
        var placement = CoResidentPlacer.Place(analyses, accelerator, arenas);
        var alone = analyses.Select((a, i) => ThroughputModel.Estimate(a, placement.Members[i])).ToList();
        double? cycle = alone.All(e => e is not null) ? alone.Sum(e => e!.Batch / e.Fps) : null;
        var group = new CoResidency(name, accelerator.Name, arenas, [.. members.Select(m => m.Label)],
            placement.Code.Bytes, placement.DistinctKernels, placement.Arena.Bytes, placement.Weights.Bytes, cycle, at);

        var results = new List<CheckResult>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var own = analyses[i];
            var totals = own with
            {
                WeightBytes = placement.Weights.Bytes,
                CodeBytes = placement.Code.Bytes,
                Activations = own.Activations with { PeakBytes = placement.Arena.Bytes },
            };
            var shared = alone[i] is { } e && cycle is { } c
                ? e with { Fps = e.Batch / c, DramBytesPerSecond = e.DramBytesPerFrame * (e.Batch / c) }
                : null;
            var ownContext = new GateContext(own, members[i].Gates, placement.Members[i], shared);
            var groupContext = ownContext with { Analysis = totals };
            var gates = GateCatalog.All.Where(d => d.Stage == GateStage.Deployment)
                .SelectMany(d => d.Evaluate(WeighsTheGroup(d) ? groupContext : ownContext, d))
                .Select(g => g with { Message = g.Passed ? $"in group '{group.Name}': {g.Message}" : $"in {group.Label}: {g.Message}" })
                .ToList();
            results.Add(new CheckResult(own, accelerator.Name, gates, members[i].Location ?? at, placement.Members[i], shared) { Group = group });
        }

        return results;
    }
}
