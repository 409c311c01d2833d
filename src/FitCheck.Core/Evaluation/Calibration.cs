using FitCheck.Analysis;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Throughput;

namespace FitCheck.Evaluation;

/// <summary>
/// Fits an accelerator's free factor — its global <see cref="Accelerator.Utilization"/> — to measured rows by
/// least squares on log error (a 2x miss counts the same either way), then scores the fit honestly: each
/// row's residual under the fit on all rows, and its leave-one-out error (fit on the others, predict it).
/// Memory placement does not depend on utilization, so each row is analysed and placed once and only the
/// throughput model re-runs during the search.
/// </summary>
public static class Calibration
{
    public const double MinUtilization = 0.001;

    public static CalibrationResult Run(IReadOnlyList<CalibrationRow> rows, IReadOnlyList<IModelSource> sources, Accelerator accelerator)
    {
        var prepared = new List<(TrafficProfile Profile, Placement Placement, int Batch, bool PerFrame)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var analysis = Evaluator.ForTarget(
                Evaluator.Analyze(sources[i].Name, sources[i], row.Resolution, row.Batch, row.Precision, accelerator.Code, row.At), accelerator);
            var profile = TrafficProfile.For(analysis);
            prepared.Add((profile, Placer.Place(analysis, profile, accelerator), row.Batch, analysis.PerFrame));
        }

        double Predict(int i, double u)
        {
            var (profile, placement, batch, perFrame) = prepared[i];
            var estimate = ThroughputModel.Estimate(profile, placement with { Accelerator = accelerator with { Utilization = u } }, batch, perFrame);
            return estimate?.Fps ?? double.NaN;
        }

        var measured = rows.Select(r => r.MeasuredFps).ToArray();
        var all = Enumerable.Range(0, rows.Count).Where(i => prepared[i].Placement.Fits).ToArray();
        var fitted = Fit(all, measured, Predict);
        var results = new List<CalibrationRowResult>();
        for (var i = 0; i < rows.Count; i++)
        {
            var predicted = Predict(i, fitted);
            double? loo = null;
            if (all.Length > 1 && prepared[i].Placement.Fits)
            {
                var others = all.Where(j => j != i).ToArray();
                loo = Predict(i, Fit(others, measured, Predict));
            }

            results.Add(new CalibrationRowResult(rows[i], measured[i], predicted, loo));
        }

        return new CalibrationResult(accelerator, fitted, results);
    }

    /// <summary>Golden-section search for ln(u) in [ln 0.001, ln 1] minimising Σ (ln predicted - ln measured)².</summary>
    public static double Fit(IReadOnlyList<int> rows, double[] measured, Func<int, double, double> predict)
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

        double a = Math.Log(MinUtilization), b = 0;
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
