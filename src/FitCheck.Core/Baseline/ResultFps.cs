using FitCheck.Evaluation;

namespace FitCheck.Baseline;

/// <summary>
/// The one place reporters and the baseline ask a result for its frame rate: the throughput estimate's fps
/// when there is one and it is finite (a network with no work has no meaningful rate), else null.
/// </summary>
public static class ResultFps
{
    public static double? Of(CheckResult result) =>
        result.Throughput is { Fps: var fps } && double.IsFinite(fps) ? fps : null;
}
