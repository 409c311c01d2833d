namespace FitCheck.Diagnostics;

/// <summary>
/// FC11xx: figures and work beyond what FitCheck computes. Each figure fits 64 bits on its own, but a sum
/// or product of them may not; and a run may ask for more work than any real manifest or model needs.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static Diagnostic FigureOverflow(string figure, SourceLocation? at = null) =>
        new("FC1101", $"{figure} exceeds 64-bit arithmetic (more than {long.MaxValue} bytes)", at,
            "a figure this large is almost certainly a typo; check the sizes in the manifest (tier sizes, code sizes) and the model's dimensions");

    public static Diagnostic WorkLimit(string what, long count, long limit, string raise, SourceLocation? at) =>
        new("FC1102", $"{what}: {count} is more than the limit of {limit}", at, raise);
}
