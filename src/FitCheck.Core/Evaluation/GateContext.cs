using FitCheck.Analysis;
using FitCheck.Hardware;
using FitCheck.Throughput;

namespace FitCheck.Evaluation;

/// <summary>
/// Everything a gate's evaluator may look at for one deployment. Deployment-stage gates always have a
/// <see cref="Placement"/> (and so the <see cref="Accelerator"/>); <see cref="Growth"/> is set only in the
/// baseline stage, when an earlier report gave figures for the same deployment.
/// </summary>
public sealed record GateContext(
    ModelAnalysis Analysis,
    GateSpec Spec,
    Placement? Placement,
    ThroughputEstimate? Throughput,
    GrowthInput? Growth = null)
{
    public Accelerator Accelerator =>
        Placement?.Accelerator ?? throw new InvalidOperationException("a deployment-stage gate was evaluated without a placement");
}

/// <summary>The growth budget and how each figure of one deployment changed against the baseline.</summary>
public sealed record GrowthInput(double Budget, string BudgetText, string BaselineName, IReadOnlyList<GrowthFigure> Figures);

/// <summary>
/// One figure then and now: <see cref="Regression"/> is how much worse it got as a fraction (0 when it did
/// not); <see cref="Text"/> reads "activations 1.8 MB → 2.4 MB (+33 %)".
/// </summary>
public sealed record GrowthFigure(string Figure, string Text, double Regression, bool HigherIsBetter);
