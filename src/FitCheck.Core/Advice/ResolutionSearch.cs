using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;

namespace FitCheck.Advice;

/// <summary>
/// `--max-resolution`: the largest size on the model's grid, keeping the aspect ratio, at which every gate
/// (or the one `--for` names) passes. Exact without evaluating every size: the sizes at which the gates
/// certainly fail (<see cref="GateProbe.CertainlyFails"/>) form a suffix of the grid, found by bisection;
/// below it the real gates are evaluated size by size, largest first, because the planned arena — and so
/// placement and fps — need not grow monotonically with the input. The first size that passes is the answer.
/// If the bound turns out not to grow along the grid for some model, the search falls back to every size.
/// </summary>
public static class ResolutionSearch
{
    public const string Question = "max-resolution";

    public static AdviceAnswer MaxResolution(AdviceTarget t, AnalysisCache cache, string? gate, int min, int max, int? step)
    {
        var grid = SideGrid.For(t.Source, step);
        var points = ResolutionGrid.Points(grid, t.Resolution, min, max);
        if (points.Count == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.AdviceEmptyRange(t.Model,
                string.Create(CultureInfo.InvariantCulture, $"{min}..{max}"), grid.Basis, t.Location));
        }

        ModelAnalysis? At(int i) => cache.Get(t.Model, t.Source, points[i], t.Batch, t.Precision, t.Location);
        var evaluated = 0;
        var probes = new List<(int Index, ModelAnalysis? Analysis)>();
        int lo = -1, hi = points.Count;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            var a = At(mid);
            probes.Add((mid, a));
            evaluated++;
            if (GateProbe.CertainlyFails(a, t.Accelerator, t.Gates, gate))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        var bisected = Monotone(probes);
        var start = bisected ? lo : points.Count - 1;
        var found = -1;
        for (var i = start; i >= 0; i--)
        {
            evaluated++;
            if (GateProbe.Passes(At(i), t.Accelerator, t.Gates, gate))
            {
                found = i;
                break;
            }
        }

        var method = bisected
            ? $"{points.Count} sizes on the grid (sides: {grid.Basis}); bisection on the arena's lower bound, then the gates size by size from the largest candidate"
            : $"{points.Count} sizes on the grid (sides: {grid.Basis}); every size evaluated (the lower bound did not grow monotonically)";
        var what = gate is null ? "every gate passes" : $"the {gate} gate passes";
        var who = $"{t.Model} on {t.Accelerator.Name}";
        if (found < 0)
        {
            var why = Failures(At(0), t, gate);
            return new AdviceAnswer(t, Question, gate, AdviceStatus.None, null, null, points[0].ToString(), why,
                $"{who}: no size from {points[0]} to {points[^1]} where {what}; at {points[0]}: {First(why)}", method, evaluated);
        }

        var answer = points[found];
        if (found == points.Count - 1)
        {
            return new AdviceAnswer(t, Question, gate, AdviceStatus.AtLimit, answer.ToString(), Pixels(answer), null, [],
                $"{who}: {what} at every size searched, up to {answer}; widen --range to look further", method, evaluated);
        }

        var next = points[found + 1];
        var failures = Failures(At(found + 1), t, gate);
        evaluated++;
        return new AdviceAnswer(t, Question, gate, AdviceStatus.Found, answer.ToString(), Pixels(answer), next.ToString(), failures,
            $"{who}: {what} up to {answer}; at {next} (the next step) {First(failures)}", method, evaluated);
    }

    internal static IReadOnlyList<GateResult> Failures(ModelAnalysis? a, AdviceTarget t, string? gate) =>
        a is null
            ? [new GateResult("size", false, "the sizes exceed 64-bit arithmetic")]
            : GateProbe.Relevant(GateProbe.Run(a, t.Accelerator, t.Gates).Gates, gate).Where(g => !g.Passed).ToList();

    internal static string First(IReadOnlyList<GateResult> failures) =>
        failures.Count == 0 ? "it passes" : $"{failures[0].Name} fails: {failures[0].Message}";

    private static long Pixels(Resolution r) => (long)r.Width * r.Height;

    /// <summary>The quantities the bound reads must not shrink from one probed size to a larger one.</summary>
    private static bool Monotone(List<(int Index, ModelAnalysis? Analysis)> probes)
    {
        ModelAnalysis? previous = null;
        var overflowed = false;
        foreach (var (_, a) in probes.OrderBy(p => p.Index))
        {
            if (a is null)
            {
                overflowed = true;
                continue;
            }

            if (overflowed)
            {
                // A size that overflowed below one that did not: sizes are not growing along the grid.
                return false;
            }

            if (previous is not null && (a.Activations.LowerBoundBytes < previous.Activations.LowerBoundBytes
                || a.WeightBytes < previous.WeightBytes || a.CodeBytes < previous.CodeBytes || a.Macs < previous.Macs))
            {
                return false;
            }

            previous = a;
        }

        return true;
    }
}
