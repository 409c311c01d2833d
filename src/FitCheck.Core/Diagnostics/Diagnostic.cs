namespace FitCheck.Diagnostics;

/// <summary>
/// One input problem: an id from <see cref="DiagnosticCatalog"/>, where it is, and what to do about it.
/// Gate failures are not diagnostics; they are results (exit 1), these are bad input (exit 2) or, with
/// <see cref="DiagnosticSeverity.Warning"/>, input that is legal but suspicious.
/// </summary>
public sealed record Diagnostic(string Id, string Message, SourceLocation? Location = null, string? Hint = null,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>MSBuild/VS canonical form, so IDEs and CI annotate the right line.</summary>
    public string Format()
    {
        var head = Location is null ? "fitcheck" : Location.ToString();
        var level = Severity == DiagnosticSeverity.Warning ? "warning" : "error";
        var text = $"{head}: {level} {Id}: {Message}";
        return Hint is null ? text : $"{text}{Environment.NewLine}  hint: {Hint}";
    }

    public override string ToString() => Format();
}
