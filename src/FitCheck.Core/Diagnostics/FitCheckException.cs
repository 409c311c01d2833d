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

    /// <param name="diagnostics">Every error, in source order.</param>
    /// <param name="first">The error found first (the one a reader that stops at one error would report); default the first listed.</param>
    public FitCheckException(IReadOnlyList<Diagnostic> diagnostics, bool truncated = false, Diagnostic? first = null)
        : base(first?.Message ?? (diagnostics.Count > 0 ? diagnostics[0].Message : "no diagnostics"))
    {
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("an input error needs at least one diagnostic", nameof(diagnostics));
        }

        All = diagnostics;
        Truncated = truncated;
        Diagnostic = first ?? diagnostics[0];
    }

    /// <summary>The error found first: reading stops at it when the caller wants only one (the other errors may follow from it).</summary>
    public Diagnostic Diagnostic { get; }

    public IReadOnlyList<Diagnostic> All { get; }

    /// <summary>True when reading stopped at <see cref="ErrorCollector.Limit"/> errors; there may be more.</summary>
    public bool Truncated { get; }
}
