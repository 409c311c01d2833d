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
    /// <remarks>
    /// Every part may echo input (a file name, a node name, a value), so each goes through
    /// <see cref="InertText"/>: one place, whatever the factory that built the diagnostic did.
    /// </remarks>
    public string Format()
    {
        var head = Location is null ? "fitcheck" : (Location with { File = InertText.Clip(Location.File, MaxPart) }).ToString();
        var level = Severity == DiagnosticSeverity.Warning ? "warning" : "error";
        var text = $"{head}: {level} {Id}: {InertText.Clip(Message, MaxPart)}";
        return Hint is null ? text : $"{text}{Environment.NewLine}  hint: {InertText.Clip(Hint, MaxPart)}";
    }

    /// <summary>A message or hint longer than this is cut (with a count): echoes are clipped to 200 characters each.</summary>
    private const int MaxPart = 1500;

    public override string ToString() => Format();
}
