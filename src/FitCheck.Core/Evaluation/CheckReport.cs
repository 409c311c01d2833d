namespace FitCheck.Evaluation;

/// <summary>Every result of one run, in manifest order (model, resolution, deployment): the one model all reporters read.</summary>
public sealed record CheckReport(string? ManifestPath, IReadOnlyList<CheckResult> Results)
{
    /// <summary>Warnings found while evaluating (an assumed precision), in manifest order; they change no verdict.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Warnings { get; init; } = [];

    public bool AllPassed => Results.All(r => r.Passed != false);

    public int FailedCount => Results.Count(r => r.Passed == false);

    /// <summary>The `together:` groups the results belong to, in order, each with its members' results.</summary>
    public IEnumerable<(CoResidency Group, IReadOnlyList<CheckResult> Members)> Groups() =>
        Results.Where(r => r.Group is not null).GroupBy(r => r.Group!).Select(g => (g.Key, (IReadOnlyList<CheckResult>)g.ToList()));
}
