using FitCheck.Hardware;

namespace FitCheck.Evaluation;

/// <summary>One measured row scored: in-sample prediction and leave-one-out prediction (null when it cannot be held out).</summary>
public sealed record CalibrationRowResult(CalibrationRow Row, double MeasuredFps, double PredictedFps, double? LeaveOneOutFps)
{
    /// <summary>Relative error, predicted / measured - 1.</summary>
    public double Residual => PredictedFps / MeasuredFps - 1;

    public double? LeaveOneOutError => LeaveOneOutFps / MeasuredFps - 1;
}

/// <summary>The fitted utilization and every row's residual and leave-one-out error.</summary>
public sealed record CalibrationResult(Accelerator Accelerator, double Utilization, IReadOnlyList<CalibrationRowResult> Rows)
{
    /// <summary>The accelerator with every fitted factor set (utilization, and efficiency per kind when fitted).</summary>
    public Accelerator? Fitted { get; init; }

    /// <summary>The factors that were fitted, names from <see cref="Calibration.Factors"/>.</summary>
    public IReadOnlyList<string> Free { get; init; } = [Calibration.UtilizationFactor];

    /// <summary>Rows whose leave-one-out prediction lands within ±<paramref name="tolerance"/> of the measurement.</summary>
    public int WithinLeaveOneOut(double tolerance) => Rows.Count(r => r.LeaveOneOutError is { } e && Math.Abs(e) <= tolerance);

    public double MedianLeaveOneOutError
    {
        get
        {
            var e = Rows.Where(r => r.LeaveOneOutError is not null).Select(r => Math.Abs(r.LeaveOneOutError!.Value)).Order().ToArray();
            return e.Length == 0 ? double.NaN : e.Length % 2 == 1 ? e[e.Length / 2] : (e[e.Length / 2 - 1] + e[e.Length / 2]) / 2;
        }
    }
}
