namespace FitCheck.Baseline;

public enum DiffStatus
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// <summary>One deployment compared with the baseline: present in both (with deltas), only now (added) or only then (removed).</summary>
public sealed record DeploymentDiff(string Key, DeploymentFigures? Old, DeploymentFigures? New, IReadOnlyList<FigureDelta> Deltas)
{
    public DiffStatus Status => Old is null ? DiffStatus.Added
        : New is null ? DiffStatus.Removed
        : Deltas.All(d => d.Unchanged) ? DiffStatus.Unchanged
        : DiffStatus.Changed;

    public FigureDelta? Figure(string name) => Deltas.FirstOrDefault(d => d.Figure == name);
}
