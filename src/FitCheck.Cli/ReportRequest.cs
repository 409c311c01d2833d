using FitCheck.Diagnostics;

namespace FitCheck.Cli;

/// <summary>One `--report FORMAT=PATH`: a report written to a file besides the one on standard output.</summary>
internal sealed record ReportRequest(OutputFormat Format, string Path)
{
    public static ReportRequest Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidReportOption(text, "is not FORMAT=PATH"));
        }

        var name = text[..eq];
        if (!OutputFormats.TryParse(name, out var format))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidReportOption(text, $"names an unknown format '{name}'"));
        }

        return new ReportRequest(format, text[(eq + 1)..]);
    }
}
