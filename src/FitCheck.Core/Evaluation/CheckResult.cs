using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Throughput;

namespace FitCheck.Evaluation;

/// <summary>
/// One model x resolution x accelerator (or, for `analyze`, a model x resolution with no accelerator
/// and no gates). <see cref="DeployLocation"/> is the manifest entry that asked for the deployment.
/// Deployments carry their <see cref="Placement"/> and, when it fits, a <see cref="Throughput"/> estimate.
/// </summary>
public sealed record CheckResult(
    ModelAnalysis Analysis,
    string? Accelerator,
    IReadOnlyList<GateResult> Gates,
    SourceLocation? DeployLocation = null,
    Placement? Placement = null,
    ThroughputEstimate? Throughput = null)
{
    /// <summary>null when nothing was gated (analyze, with or without an accelerator); otherwise whether every gate passed.</summary>
    public bool? Passed => Accelerator is null || Gates.Count == 0 ? null : Gates.All(g => g.Passed);

    /// <summary>For a failed deployment, what would pass (set by `check` through the advice search); else null.</summary>
    public WouldPass? WouldPass { get; init; }

    /// <summary>Set when the model runs in a `together:` group: the gates and fps are the member's within it.</summary>
    public CoResidency? Group { get; init; }

    /// <summary>Where it runs as reports name it: "edge-npu", or "edge-npu [front-camera]" for a member of a group.</summary>
    public string? RunsOn => Accelerator is null ? null : Group is null ? Accelerator : $"{Accelerator} [{Group.Name}]";
}
