namespace FitCheck.Diagnostics;

/// <summary>
/// Carries input errors out of deep parsing code; callers report them and exit 2. Usually one; a reader that
/// goes on after an error (the manifest's) carries every error it found, in source order, in <see cref="All"/>.
/// </summary>
public sealed class FitCheckException : Exception
{
    public FitCheckException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public FitCheckException(IReadOnlyList<Diagnostic> diagnostics, bool truncated = false)
        : base(diagnostics.Count > 0 ? diagnostics[0].Message : "no diagnostics")
    {
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("an input error needs at least one diagnostic", nameof(diagnostics));
        }

        All = diagnostics;
        Truncated = truncated;
    }

    /// <summary>The first error (in source order).</summary>
    public Diagnostic Diagnostic => All[0];

    public IReadOnlyList<Diagnostic> All { get; }

    /// <summary>True when reading stopped at <see cref="ErrorCollector.Limit"/> errors; there may be more.</summary>
    public bool Truncated { get; }
}
