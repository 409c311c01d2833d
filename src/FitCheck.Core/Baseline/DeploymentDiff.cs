namespace FitCheck.Baseline;

public enum DiffStatus
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// <summary>
/// One deployment compared with the baseline: present in both (with deltas), only now (added) or only then
/// (removed). A deployment is the same one when its model and accelerator are; a changed resolution, precision
/// or batch is a change of it, listed in <see cref="Changes"/> ("224x224→256x256", "int8→fp16", "batch 1→4").
/// </summary>
public sealed record DeploymentDiff(string Key, DeploymentFigures? Old, DeploymentFigures? New, IReadOnlyList<FigureDelta> Deltas)
{
    public DiffStatus Status => Old is null ? DiffStatus.Added
        : New is null ? DiffStatus.Removed
        : Changes.Count == 0 && Deltas.All(d => d.Unchanged) ? DiffStatus.Unchanged
        : DiffStatus.Changed;

    /// <summary>What changed in how the deployment is run, was → now; empty when only its figures changed.</summary>
    public IReadOnlyList<string> Changes
    {
        get
        {
            if (Old is null || New is null)
            {
                return [];
            }

            var changes = new List<string>();
            if (Old.Resolution != New.Resolution)
            {
                changes.Add($"{Old.Resolution}→{New.Resolution}");
            }

            if (Old.Precision is { } p && New.Precision is { } q && p != q)
            {
                changes.Add($"{p}→{q}");
            }

            if (Old.Batch is { } b && New.Batch is { } c && b != c)
            {
                changes.Add(System.FormattableString.Invariant($"batch {b}→{c}"));
            }

            return changes;
        }
    }

    /// <summary>"yolov3@608x608 on bulk-sram", with what changed: "netA@256x256 on npu (224x224→256x256)".</summary>
    public string Label => Changes.Count == 0 ? Key : $"{Key} ({string.Join(", ", Changes)})";

    public FigureDelta? Figure(string name) => Deltas.FirstOrDefault(d => d.Figure == name);
}
