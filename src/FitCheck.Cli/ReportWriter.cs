using FitCheck.Evaluation;
using FitCheck.Reports;

namespace FitCheck.Cli;

/// <summary>Renders a report in any format and writes it to stdout or to a file.</summary>
internal static class ReportWriter
{
    public static void Write(CliContext context, CheckReport report, OutputFormat format, string? outputPath, ReportOptions? options = null)
    {
        options ??= new ReportOptions(FitCheckApp.Version);
        var text = Render(context, report, format, options, toFile: outputPath is not null);
        if (outputPath is null)
        {
            context.Out.Write(text);
            return;
        }

        WriteFile(context, outputPath, text);
    }

    public static string Render(CliContext context, CheckReport report, OutputFormat format, ReportOptions options, bool toFile) => format switch
    {
        OutputFormat.Json => JsonReport.ToString(report, options.ToolVersion),
        OutputFormat.Markdown => MarkdownReport.ToString(report, options),
        OutputFormat.JUnit => JUnitReport.ToString(report, options),
        OutputFormat.Sarif => SarifReport.ToString(report, options),
        _ => ConsoleReport.Render(report, !toFile && context.UseColor, ConsoleReport.Width(context))
            + (options.Baseline is { } baseline ? ConsoleBaseline.Render(baseline) : ""),
    };

    public static void WriteFile(CliContext context, string path, string text) => OutputFile.Write(context, path, text);
}
