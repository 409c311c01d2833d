using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Evaluation;

/// <summary>
/// One measurement from a team's own device: a model source (`zoo:resnet50`, a .cfg or .onnx path), the
/// resolution, precision and batch it ran at, and the measured fps or latency (exactly one of them).
/// </summary>
public sealed record CalibrationRow(string Source, Resolution Resolution, Precision Precision, int Batch, double? Fps, double? LatencySeconds,
    string Note, SourceLocation? At = null)
{
    /// <summary>The measured figure as fps (a latency l at batch b is b / l frames per second).</summary>
    public double MeasuredFps => Fps ?? Batch / LatencySeconds!.Value;
}
