using FitCheck.Advice;
using FitCheck.Evaluation;
using FitCheck.Reports;

namespace FitCheck.Cli;

/// <summary>
/// Renders a report in a registered format: the console table here (Spectre.Console lives in the CLI),
/// every other format by its writer in <see cref="ReportFormats"/>.
/// </summary>
internal static class ReportWriter
{
    public static string Render(CliContext context, CheckReport report, ReportFormat format, ReportOptions options, bool toFile) =>
        format.HostRendered
            ? ConsoleReport.Render(report, !toFile && context.UseColor, ConsoleReport.Width(context))
                + (options.Baseline is { } baseline ? ConsoleBaseline.Render(baseline) : "")
            : format.Check!(report, options);

    public static string Render(CliContext context, CheckResult result, ReportFormat format, ReportOptions options, bool toFile) =>
        format.HostRendered
            ? ExplainCommand.Render(result, !toFile && context.UseColor, ConsoleReport.Width(context))
            : format.Explain!(result, options);

    public static string Render(CliContext context, SweepResult sweep, ReportFormat format, ReportOptions options, bool toFile) =>
        format.HostRendered
            ? SweepCommand.Table(sweep, !toFile && context.UseColor)
            : format.Sweep!(sweep, options);

    public static string Render(CliContext context, AdviceReport report, ReportFormat format, ReportOptions options, bool toFile) =>
        format.HostRendered
            ? AdviceConsole.Render(report, !toFile && context.UseColor)
            : format.Advice!(report, options);

    public static void WriteFile(CliContext context, string path, string text) => OutputFile.Write(context, path, text);

    /// <summary>A check report to a file: streamed where the format can (JSON), so a huge run never holds it whole.</summary>
    public static void WriteFile(CliContext context, string path, CheckReport report, ReportFormat format, ReportOptions options)
    {
        if (format.CheckToStream is { } stream)
        {
            OutputFile.Write(context, path, s => stream(s, report, options));
        }
        else
        {
            OutputFile.Write(context, path, Render(context, report, format, options, toFile: true));
        }
    }
}
