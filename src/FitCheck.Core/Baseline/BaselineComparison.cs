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

    public static BaselineComparison Compare(string baselinePath, IReadOnlyList<DeploymentFigures> old, IReadOnlyList<DeploymentFigures> current, double? maxGrowth)
    {
        var before = Keyed(old);
        var now = Keyed(current);
        var byKey = before.ToDictionary(p => p.Key, p => p.Figures, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var diffs = new List<DeploymentDiff>();
        foreach (var (key, figures) in now)
        {
            seen.Add(key);
            diffs.Add(byKey.TryGetValue(key, out var then)
                ? new DeploymentDiff(key, then, figures, Deltas(then, figures))
                : new DeploymentDiff(key, null, figures, []));
        }

        foreach (var (key, figures) in before)
        {
            if (!seen.Contains(key))
            {
                diffs.Add(new DeploymentDiff(key, figures, null, []));
            }
        }

        return new BaselineComparison(baselinePath, diffs, maxGrowth);
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
