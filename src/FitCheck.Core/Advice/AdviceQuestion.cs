namespace FitCheck.Advice;

/// <summary>
/// What `advise` was asked. <see cref="For"/> restricts every question to one gate; <see cref="RangeMin"/>
/// and <see cref="RangeMax"/> bound the longer side of a resolution search; <see cref="Step"/> replaces the
/// model's own side rule.
/// </summary>
public sealed record AdviceQuestion(
    bool MaxResolution = false,
    string? For = null,
    string? MinMemoryTier = null,
    bool Precision = false,
    bool Batch = false,
    int RangeMin = 1,
    int RangeMax = ResolutionGrid.DefaultMax,
    int? Step = null,
    int MaxBatch = BatchSearch.DefaultMax)
{
    public bool Any => MaxResolution || MinMemoryTier is not null || Precision || Batch;

    /// <summary>The question names in the order answers are given, as JSON and the table show them.</summary>
    public IEnumerable<string> Names()
    {
        if (MaxResolution)
        {
            yield return ResolutionSearch.Question;
        }

        if (MinMemoryTier is not null)
        {
            yield return MemorySearch.Question;
        }

        if (Precision)
        {
            yield return PrecisionSearch.Question;
        }

        if (Batch)
        {
            yield return "batch";
        }
    }
}
