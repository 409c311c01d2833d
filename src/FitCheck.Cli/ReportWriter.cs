using System.Text;
using FitCheck.Evaluation;
using FitCheck.Reports;

namespace FitCheck.Cli;

/// <summary>Writes a report in the chosen format to stdout or to the --output file.</summary>
internal static class ReportWriter
{
    public static void Write(CliContext context, CheckReport report, OutputFormat format, string? outputPath)
    {
        var text = format switch
        {
            OutputFormat.Json => JsonReport.ToString(report, FitCheckApp.Version),
            _ => ConsoleReport.Render(report, outputPath is null && context.UseColor, ConsoleReport.Width(context)),
        };

        if (outputPath is null)
        {
            context.Out.Write(text);
            return;
        }

        var path = context.ResolvePath(outputPath);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
