namespace FitCheck.Reports;

/// <summary>
/// What a command reports, so each command accepts exactly the formats that can render it: check and
/// analyze a <see cref="Evaluation.CheckReport"/>, explain one deployment's layers, sweep a
/// <see cref="Evaluation.SweepResult"/>, advise an <see cref="Advice.AdviceReport"/>.
/// </summary>
public enum ReportKind
{
    Check,
    Explain,
    Sweep,
    Advice,
}
