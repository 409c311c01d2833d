using FitCheck.Evaluation;

namespace FitCheck.Baseline;

/// <summary>
/// The figures a baseline compares for one deployment (model x resolution x accelerator), read either
/// from this run's results or from an earlier JSON report. <see cref="Fps"/> is null when unknown.
/// </summary>
public sealed record DeploymentFigures(
    string Model,
    string Resolution,
    string? Accelerator,
    long WeightBytes,
    long ActivationBytes,
    long CodeBytes,
    double? Fps = null)
{
    /// <summary>What identifies a deployment across runs: "yolov3@608x608 on bulk-sram".</summary>
    public string Key => Accelerator is null ? $"{Model}@{Resolution}" : $"{Model}@{Resolution} on {Accelerator}";

    public static DeploymentFigures From(CheckResult r) =>
        new(r.Analysis.Model, r.Analysis.Resolution.ToString(), r.Accelerator,
            r.Analysis.WeightBytes, r.Analysis.Activations.PeakBytes, r.Analysis.CodeBytes, ResultFps.Of(r));
}
