namespace FitCheck.Diagnostics;

/// <summary>A place in an input file; lines and columns are 1-based as editors show them.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}({Line},{Column})";
}
