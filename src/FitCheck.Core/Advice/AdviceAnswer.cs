using FitCheck.Evaluation;

namespace FitCheck.Advice;

/// <summary>
/// One answer to one question about one deployment. <see cref="Value"/> is the answer as a person reads it
/// ("1408x800", "24.0 MiB", "fp16", "8"); null when nothing in the searched range passes. <see cref="Next"/>
/// is the neighbouring grid step beyond the answer, which fails (the evidence the answer is the edge), with
/// <see cref="NextFailures"/> saying why. <see cref="Candidates"/> lists every point evaluated in full.
/// </summary>
public sealed record AdviceAnswer(
    AdviceTarget Target,
    string Question,
    string? Gate,
    AdviceStatus Status,
    string? Value,
    long? Number,
    string? Next,
    IReadOnlyList<GateResult> NextFailures,
    string Sentence,
    string Method,
    int Evaluated)
{
    public string? Group { get; init; }
}

public enum AdviceStatus
{
    /// <summary>An exact answer inside the searched range.</summary>
    Found,

    /// <summary>Even the largest value searched passes: the true answer lies beyond the range.</summary>
    AtLimit,

    /// <summary>No value in the range passes.</summary>
    None,
}
