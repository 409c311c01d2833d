using FitCheck.Analysis;

namespace FitCheck.Evaluation;

/// <summary>
/// One gate, everything about it in one row of <see cref="GateCatalog"/>: its id (the result name, or for
/// <see cref="PerTarget"/> gates the suffix of "on-chip-total-fit"), the manifest key that asks for it and how
/// its value is read, the evaluator, and the text reports show (SARIF rule name and description, Markdown legend).
/// Memory gates also name the <see cref="Item"/> they weigh and its <see cref="Figure"/> in bytes.
/// </summary>
public sealed record GateDefinition(
    string Id,
    string? ManifestKey,
    GateValueKind Value,
    string RuleName,
    string Description,
    string Legend,
    Func<GateContext, GateDefinition, IEnumerable<GateResult>> Evaluate,
    GateStage Stage = GateStage.Deployment,
    bool PerTarget = false,
    string? Item = null,
    Func<ModelAnalysis, long>? Figure = null)
{
    /// <summary>Whether a result named <paramref name="gate"/> is one of this gate's.</summary>
    public bool Matches(string gate) =>
        gate == Id || (PerTarget && gate.EndsWith("-" + Id, StringComparison.Ordinal));
}
