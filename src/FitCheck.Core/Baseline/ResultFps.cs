using FitCheck.Evaluation;

namespace FitCheck.Baseline;

/// <summary>
/// The one place reporters ask a result for its frame rate, so that the throughput model is wired into
/// every report at once. Null while a result carries no throughput estimate.
/// </summary>
public static class ResultFps
{
    public static double? Of(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return null;
    }
}
