namespace FitCheck.Evaluation;

/// <summary>Every result of one run, in manifest order (model, resolution, deployment): the one model all reporters read.</summary>
public sealed record CheckReport(string? ManifestPath, IReadOnlyList<CheckResult> Results)
{
    public bool AllPassed => Results.All(r => r.Passed != false);

    public int FailedCount => Results.Count(r => r.Passed == false);
}
