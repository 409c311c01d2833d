using FitCheck.Advice;
using FitCheck.Evaluation;

namespace FitCheck.Reports;

/// <summary>
/// One report format, one row of <see cref="ReportFormats.All"/>: its name and aliases (as `--format` and
/// `--report` take them), whether a program reads it (then nothing else may be mixed into it on stdout),
/// and a writer per report kind it can render. A kind without a writer is refused by the command that
/// reports it, never rendered as something else. The console table is drawn by the host (the CLI, with
/// Spectre.Console), since Core never touches a terminal: that row is <see cref="HostRendered"/>.
/// </summary>
public sealed record ReportFormat(string Name, IReadOnlyList<string> Aliases, bool MachineReadable, string Description)
{
    public Func<CheckReport, ReportOptions, string>? Check { get; init; }

    /// <summary>
    /// The check report written straight to a stream, for a format that large runs make large (JSON of 10^5
    /// deployments is ~280 MB): no whole-report string is ever held. Same bytes as <see cref="Check"/>.
    /// </summary>
    public Action<Stream, CheckReport, ReportOptions>? CheckToStream { get; init; }

    public Func<CheckResult, ReportOptions, string>? Explain { get; init; }

    public Func<SweepResult, ReportOptions, string>? Sweep { get; init; }

    public Func<AdviceReport, ReportOptions, string>? Advice { get; init; }

    /// <summary>Rendered by the host for every kind (the console table); no Core writer.</summary>
    public bool HostRendered { get; init; }

    public bool Renders(ReportKind kind) => HostRendered || kind switch
    {
        ReportKind.Check => Check is not null,
        ReportKind.Explain => Explain is not null,
        ReportKind.Sweep => Sweep is not null,
        ReportKind.Advice => Advice is not null,
        _ => false,
    };

    public bool Answers(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
}
