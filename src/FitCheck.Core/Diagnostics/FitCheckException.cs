namespace FitCheck.Diagnostics;

/// <summary>Carries a <see cref="Diagnostic"/> out of deep parsing code; callers report it and exit 2.</summary>
public sealed class FitCheckException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
