using FitCheck.Analysis;

namespace FitCheck.Advice;

/// <summary>
/// `--precision`: the highest precision (fp32 > fp16 > int16 > int8) at which the gates pass at the
/// deployment's resolution and batch. Four candidates: each is evaluated, so no ordering is assumed.
/// </summary>
public static class PrecisionSearch
{
    public const string Question = "precision";

    public static readonly Precision[] HighestFirst = [Precision.Fp32, Precision.Fp16, Precision.Int16, Precision.Int8];

    public static AdviceAnswer Highest(AdviceTarget t, AnalysisCache cache, string? gate)
    {
        var who = $"{t.Model} {t.Resolution} on {t.Accelerator.Name}";
        var what = gate is null ? "every gate passes" : $"the {gate} gate passes";
        var method = "each of fp32, fp16, int16, int8 evaluated";
        var failures = new List<(Precision Precision, IReadOnlyList<Evaluation.GateResult> Why)>();
        foreach (var p in HighestFirst)
        {
            var target = t with { Precision = p };
            var a = cache.Get(t.Model, t.Source, t.Resolution, t.Batch, p, t.Location);
            if (GateProbe.Passes(a, t.Accelerator, t.Gates, gate))
            {
                (Precision Precision, IReadOnlyList<Evaluation.GateResult> Why)? higher = failures.Count == 0 ? null : failures[^1];
                var sentence = higher is null
                    ? $"{who}: {what} at {p.Name()}, the highest precision"
                    : $"{who}: {what} at {p.Name()}; at {higher.Value.Precision.Name()} {ResolutionSearch.First(higher.Value.Why)}";
                return new AdviceAnswer(target, Question, gate, AdviceStatus.Found, p.Name(), p.ElementBytes(), higher?.Precision.Name(),
                    higher?.Why ?? [], sentence, method, failures.Count + 1);
            }

            failures.Add((p, ResolutionSearch.Failures(a, target, gate)));
        }

        var last = failures[^1];
        return new AdviceAnswer(t, Question, gate, AdviceStatus.None, null, null, last.Precision.Name(), last.Why,
            $"{who}: {what} at no precision; at int8 {ResolutionSearch.First(last.Why)}", method, failures.Count);
    }
}
