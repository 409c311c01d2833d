using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Throughput;

namespace FitCheck.Evaluation;

/// <summary>
/// Fits an accelerator's free factors — its global <see cref="Accelerator.Utilization"/> and, when asked, an
/// efficiency per operator kind (<see cref="KindEfficiency"/>) — to measured rows by least squares on log
/// error (a 2x miss counts the same either way), then scores the fit honestly: each row's residual under the
/// fit on all rows, and its leave-one-out error (all free factors refitted on the others, then predict it).
/// Several factors are fitted by coordinate descent, a golden-section search on each in turn. A factor per
/// kind needs rows to pin it: at least two rows more than free factors, or the fit is refused.
/// Memory placement does not depend on these factors, so each row is analysed and placed once and only the
/// throughput model re-runs during the search.
/// </summary>
public static class Calibration
{
    public const double MinUtilization = 0.001;

    public const double MinKindEfficiency = 0.01;

    public const string UtilizationFactor = "utilization";

    private const int MaxPasses = 60;

    /// <summary>Every factor `--fit` may name: utilization, then the operator kinds.</summary>
    public static readonly string[] Factors = [UtilizationFactor, .. KindEfficiency.Names];

    public static CalibrationResult Run(IReadOnlyList<CalibrationRow> rows, IReadOnlyList<IModelSource> sources, Accelerator accelerator) =>
        Run(rows, sources, accelerator, [UtilizationFactor]);

    /// <param name="free">Factors to fit, names from <see cref="Factors"/>.</param>
    public static CalibrationResult Run(IReadOnlyList<CalibrationRow> rows, IReadOnlyList<IModelSource> sources, Accelerator accelerator, IReadOnlyList<string> free)
    {
        var factors = free.Select(f => Array.IndexOf(Factors, f)).Distinct().ToArray();
        if (factors.Any(i => i < 0))
        {
            throw new FitCheckException(DiagnosticCatalog.CalibrationFit($"unknown factor '{free.First(f => Array.IndexOf(Factors, f) < 0)}'",
                $"name factors from: {string.Join(", ", Factors)}, e.g. `--fit utilization,depthwise`"));
        }

        if (factors.Length > 1 && rows.Count < factors.Length + 2)
        {
            throw new FitCheckException(DiagnosticCatalog.CalibrationFit(
                $"{factors.Length} factors need at least {factors.Length + 2} measurements, and there are {rows.Count}",
                "add measurements, or fit fewer factors (`--fit utilization` is the default)"));
        }

        var prepared = new List<(TrafficProfile Profile, Placement Placement, int Batch, bool PerFrame)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var analysis = Evaluator.ForTarget(
                Evaluator.Analyze(sources[i].Name, sources[i], row.Resolution, row.Batch, row.Precision, accelerator.Code, row.At), accelerator);
            var profile = TrafficProfile.For(analysis);
            prepared.Add((profile, Placer.Place(analysis, profile, accelerator), row.Batch, analysis.PerFrame));
        }

        double Predict(int i, Accelerator a)
        {
            var (profile, placement, batch, perFrame) = prepared[i];
            var estimate = ThroughputModel.Estimate(profile, placement with { Accelerator = a }, batch, perFrame);
            return estimate?.Fps ?? double.NaN;
        }

        var measured = rows.Select(r => r.MeasuredFps).ToArray();
        var all = Enumerable.Range(0, rows.Count).Where(i => prepared[i].Placement.Fits).ToArray();
        var fitted = FitAll(all, measured, Predict, accelerator, factors);
        var results = new List<CalibrationRowResult>();
        for (var i = 0; i < rows.Count; i++)
        {
            var predicted = Predict(i, fitted);
            double? loo = null;
            if (all.Length > 1 && prepared[i].Placement.Fits)
            {
                var others = all.Where(j => j != i).ToArray();
                loo = Predict(i, FitAll(others, measured, Predict, accelerator, factors));
            }

            results.Add(new CalibrationRowResult(rows[i], measured[i], predicted, loo));
        }

        return new CalibrationResult(accelerator, fitted.Utilization, results)
        {
            Fitted = fitted,
            Free = [.. factors.Select(i => Factors[i])],
        };
    }

    /// <summary>Coordinate descent over the free factors (one pass when there is one).</summary>
    private static Accelerator FitAll(IReadOnlyList<int> rows, double[] measured, Func<int, Accelerator, double> predict, Accelerator start, int[] factors)
    {
        var current = start;
        var passes = factors.Length == 1 ? 1 : MaxPasses;
        for (var pass = 0; pass < passes; pass++)
        {
            var moved = 0.0;
            foreach (var factor in factors)
            {
                var basis = current;
                var min = factor == 0 ? MinUtilization : MinKindEfficiency;
                var value = Fit(rows, measured, (i, v) => predict(i, Set(basis, factor, v)), min);
                moved = Math.Max(moved, Math.Abs(Math.Log(value / Get(basis, factor))));
                current = Set(basis, factor, value);
            }

            // Coupled factors converge linearly; stop once no factor moves by more than 0.01%.
            if (moved < 1e-4)
            {
                break;
            }
        }

        return current;
    }

    private static double Get(Accelerator a, int factor) => factor == 0 ? a.Utilization : a.ComputeShape.Kinds[factor - 1];

    /// <summary>The accelerator with factor <paramref name="factor"/> (an index into <see cref="Factors"/>) set to <paramref name="value"/>.</summary>
    public static Accelerator Set(Accelerator a, int factor, double value)
    {
        if (factor == 0)
        {
            return a with { Utilization = value };
        }

        var engine = a.ComputeShape;
        return a with { Engine = engine with { Kinds = engine.Kinds.With(factor - 1, value) } };
    }

    /// <summary>Golden-section search for ln(u) in [ln 0.001, ln 1] minimising Σ (ln predicted - ln measured)².</summary>
    public static double Fit(IReadOnlyList<int> rows, double[] measured, Func<int, double, double> predict) =>
        Fit(rows, measured, predict, MinUtilization);

    /// <summary>Golden-section search for ln(v) in [ln min, ln 1] minimising Σ (ln predicted - ln measured)².</summary>
    public static double Fit(IReadOnlyList<int> rows, double[] measured, Func<int, double, double> predict, double min)
    {
        if (rows.Count == 0)
        {
            return 1;
        }

        double Cost(double logU)
        {
            var u = Math.Exp(logU);
            double sum = 0;
            foreach (var i in rows)
            {
                var d = Math.Log(predict(i, u)) - Math.Log(measured[i]);
                sum += double.IsFinite(d) ? d * d : 1e6;
            }

            return sum;
        }

        double a = Math.Log(min), b = 0;
        var g = (Math.Sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a);
        double fc = Cost(c), fd = Cost(d);
        for (var k = 0; k < 60; k++)
        {
            if (fc < fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = Cost(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = Cost(d);
            }
        }

        return Math.Exp((a + b) / 2);
    }
}
