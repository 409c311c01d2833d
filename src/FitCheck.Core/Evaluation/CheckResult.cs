using FitCheck.Analysis;
using FitCheck.Diagnostics;

namespace FitCheck.Evaluation;

/// <summary>
/// One model x resolution x accelerator (or, for `analyze`, a model x resolution with no accelerator
/// and no gates). <see cref="DeployLocation"/> is the manifest entry that asked for the deployment.
/// </summary>
public sealed record CheckResult(
    ModelAnalysis Analysis,
    string? Accelerator,
    IReadOnlyList<GateResult> Gates,
    SourceLocation? DeployLocation = null)
{
    /// <summary>null when nothing was gated (analyze); otherwise whether every gate passed.</summary>
    public bool? Passed => Accelerator is null ? null : Gates.All(g => g.Passed);
}
