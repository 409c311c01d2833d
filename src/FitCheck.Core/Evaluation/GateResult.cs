namespace FitCheck.Evaluation;

/// <summary>One gate's outcome with a sentence a person can act on.</summary>
public sealed record GateResult(string Name, bool Passed, string Message);
