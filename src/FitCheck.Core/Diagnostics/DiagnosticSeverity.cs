namespace FitCheck.Diagnostics;

/// <summary>
/// An error stops the run (exit 2); a warning is printed and the run goes on, for input that is legal but
/// probably not what was meant (an on-chip tier of several gigabytes).
/// </summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
