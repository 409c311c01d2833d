using FitCheck.Analysis;
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
    /// <summary>The precision the figures were computed at ("int8"); null when a baseline does not say.</summary>
    public string? Precision { get; init; }

    /// <summary>Images per inference; null when a baseline does not say.</summary>
    public int? Batch { get; init; }

    /// <summary>Who the deployment is across runs: the model on the accelerator. Resolution, precision and batch may change.</summary>
    public string Identity => Accelerator is null ? Model : $"{Model} on {Accelerator}";

    /// <summary>What identifies a deployment across runs: "yolov3@608x608 on bulk-sram".</summary>
    public string Key => Accelerator is null ? $"{Model}@{Resolution}" : $"{Model}@{Resolution} on {Accelerator}";

    public static DeploymentFigures From(CheckResult r) =>
        new(r.Analysis.Model, r.Analysis.Resolution.ToString(), r.Accelerator,
            r.Analysis.WeightBytes, r.Analysis.Activations.PeakBytes, r.Analysis.CodeBytes, ResultFps.Of(r))
        {
            Precision = r.Analysis.Precision.Name(),
            Batch = r.Analysis.Batch,
        };
}
