using FitCheck.Diagnostics;
using FitCheck.Reports;

namespace FitCheck.Cli;

/// <summary>One `--report FORMAT=PATH`: a report written to a file besides the one on standard output.</summary>
internal sealed record ReportRequest(ReportFormat Format, string Path)
{
    public static ReportRequest Parse(string text, ReportKind kind, string command)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidReportOption(text, "is not FORMAT=PATH", ReportFormats.Names(kind)));
        }

        var name = text[..eq];
        if (ReportFormats.Find(name) is null)
        {
            var guess = Suggest.Closest(name, ReportFormats.For(kind).Select(f => f.Name));
            throw new FitCheckException(DiagnosticCatalog.InvalidReportOption(text,
                $"names an unknown format '{name}'" + (guess is null ? "" : $"; did you mean '{guess}'?"), ReportFormats.Names(kind)));
        }

        return new ReportRequest(ReportFormats.Parse(name, kind, command, "--report"), text[(eq + 1)..]);
    }
}
