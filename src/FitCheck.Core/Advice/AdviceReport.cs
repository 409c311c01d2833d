namespace FitCheck.Advice;

/// <summary>Every answer of one `advise` run, in manifest order (model, resolution, deployment, question).</summary>
public sealed record AdviceReport(string? ManifestPath, AdviceQuestion Question, IReadOnlyList<AdviceAnswer> Answers)
{
    /// <summary>True when every question found a value (possibly at the limit of its range).</summary>
    public bool AllAnswered => Answers.All(a => a.Status != AdviceStatus.None);
}
