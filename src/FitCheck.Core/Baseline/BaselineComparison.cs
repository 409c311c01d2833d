using System.Globalization;

namespace FitCheck.Baseline;

/// <summary>
/// This run against an earlier report, deployment by deployment, in this run's order with removed
/// deployments after. With a growth budget, any size figure growing by more than it, or fps dropping by
/// more than it, is a violation that fails the run.
/// </summary>
public sealed record BaselineComparison(string BaselinePath, IReadOnlyList<DeploymentDiff> Deployments, double? MaxGrowth)
{
    public const string Weights = "weights";
    public const string Activations = "activations";
    public const string Code = "code";
    public const string Fps = "fps";

    /// <summary>
    /// Pairs this run's deployments with the baseline's by identity (model + accelerator), preferring the same
    /// resolution: a deployment whose resolution, precision or batch changed is a change of that deployment,
    /// not one removed and one added. What is left unpaired is added (now) or removed (then).
    /// </summary>
    public static BaselineComparison Compare(string baselinePath, IReadOnlyList<DeploymentFigures> old, IReadOnlyList<DeploymentFigures> current, double? maxGrowth)
    {
        var before = Keyed(old);
        var now = Keyed(current);
        var pairedWith = new int[now.Count];
        Array.Fill(pairedWith, -1);
        var used = new bool[before.Count];
        Pair(now, before, pairedWith, used, sameResolution: true);
        Pair(now, before, pairedWith, used, sameResolution: false);

        var diffs = new List<DeploymentDiff>();
        for (var i = 0; i < now.Count; i++)
        {
            var (key, figures) = now[i];
            diffs.Add(pairedWith[i] is var j and >= 0
                ? new DeploymentDiff(key, before[j].Figures, figures, Deltas(before[j].Figures, figures))
                : new DeploymentDiff(key, null, figures, []));
        }

        for (var j = 0; j < before.Count; j++)
        {
            if (!used[j])
            {
                diffs.Add(new DeploymentDiff(before[j].Key, before[j].Figures, null, []));
            }
        }

        return new BaselineComparison(baselinePath, diffs, maxGrowth);
    }

    private static void Pair(List<(string Key, DeploymentFigures Figures)> now, List<(string Key, DeploymentFigures Figures)> before,
        int[] pairedWith, bool[] used, bool sameResolution)
    {
        // Index the baseline by identity once: a report of thousands of deployments stays linear.
        var byIdentity = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < before.Count; j++)
        {
            if (!used[j])
            {
                var id = before[j].Figures.Identity;
                if (!byIdentity.TryGetValue(id, out var list))
                {
                    byIdentity[id] = list = [];
                }

                list.Add(j);
            }
        }

        for (var i = 0; i < now.Count; i++)
        {
            if (pairedWith[i] >= 0 || !byIdentity.TryGetValue(now[i].Figures.Identity, out var candidates))
            {
                continue;
            }

            foreach (var j in candidates)
            {
                if (!used[j] && (!sameResolution || before[j].Figures.Resolution == now[i].Figures.Resolution))
                {
                    pairedWith[i] = j;
                    used[j] = true;
                    break;
                }
            }
        }
    }

    /// <summary>Every figure that grew (or, for fps, dropped) beyond the budget; empty without a budget.</summary>
    public IReadOnlyList<(DeploymentDiff Deployment, FigureDelta Delta)> Violations =>
        MaxGrowth is not { } max
            ? []
            : [.. Deployments.SelectMany(d => d.Deltas.Where(x => x.Regression > max).Select(x => (d, x)))];

    public bool Passed => Violations.Count == 0;

    public const string GrowthGate = Evaluation.GateCatalog.GrowthGate;

    /// <summary>
    /// This run with the growth budget evaluated into each compared deployment's gates (the catalogue's
    /// baseline-stage gates), so the report alone decides the verdict and every format agrees with the exit code.
    /// </summary>
    public Evaluation.CheckReport ApplyTo(Evaluation.CheckReport report)
    {
        if (MaxGrowth is not { } budget)
        {
            return report;
        }

        var name = Path.GetFileName(BaselinePath.Replace('\\', '/'));
        var results = new List<Evaluation.CheckResult>(report.Results.Count);
        foreach (var r in report.Results)
        {
            var figuresNow = DeploymentFigures.From(r);
            var diff = Deployments.FirstOrDefault(d => d.New == figuresNow);
            if (r.Accelerator is null || diff?.Old is null || diff.New is null)
            {
                results.Add(r);
                continue;
            }

            var figures = diff.Deltas.Select(d => new Evaluation.GrowthFigure(d.Figure, d.ToString(), d.Regression, d.HigherIsBetter)).ToList();
            var context = new Evaluation.GateContext(r.Analysis, Evaluation.GateSpec.None, r.Placement, r.Throughput,
                new Evaluation.GrowthInput(budget, BudgetText, name, figures));
            results.Add(r with { Gates = [.. r.Gates, .. Evaluation.GateCatalog.Evaluate(context, Evaluation.GateStage.Baseline)] });
        }

        return report with { Results = results };
    }

    public string BudgetText => MaxGrowth is { } m ? (m * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "";

    private static List<FigureDelta> Deltas(DeploymentFigures then, DeploymentFigures now)
    {
        var list = new List<FigureDelta>
        {
            new(Weights, then.WeightBytes, now.WeightBytes, true, false),
            new(Activations, then.ActivationBytes, now.ActivationBytes, true, false),
            new(Code, then.CodeBytes, now.CodeBytes, true, false),
        };
        if (then.Fps is { } a && now.Fps is { } b)
        {
            list.Add(new FigureDelta(Fps, a, b, false, true));
        }
        else if (then.Fps is { } was && now.Fps is null && now.Accelerator is not null)
        {
            list.Add(new FigureDelta(Fps, was, 0, false, true) { Gone = true });
        }

        return list;
    }

    /// <summary>Keys made unique by occurrence, so a deployment listed twice pairs first with first.</summary>
    private static List<(string Key, DeploymentFigures Figures)> Keyed(IReadOnlyList<DeploymentFigures> list)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = new List<(string, DeploymentFigures)>();
        foreach (var f in list)
        {
            var n = counts[f.Key] = counts.GetValueOrDefault(f.Key) + 1;
            keyed.Add((n == 1 ? f.Key : $"{f.Key} (#{n.ToString(CultureInfo.InvariantCulture)})", f));
        }

        return keyed;
    }
}
