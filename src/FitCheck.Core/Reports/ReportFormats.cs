using FitCheck.Diagnostics;

namespace FitCheck.Reports;

/// <summary>
/// The registry of report formats. `--format`/`--report` parsing, their help text, "did you mean" for a
/// mistyped name and the formats each command accepts all derive from <see cref="All"/>: adding a format
/// is one row here plus its writer.
/// </summary>
public static class ReportFormats
{
    public static readonly ReportFormat Console = new("console", ["text", "table"], false, "a table; the default") { HostRendered = true };

    public static IReadOnlyList<ReportFormat> All { get; } =
    [
        Console,
        new("json", [], true, "the versioned contract")
        {
            Check = (r, o) => JsonReport.ToString(r, o.ToolVersion),
            CheckToStream = (s, r, o) => JsonReport.WriteLine(s, r, o.ToolVersion),
            Explain = (r, o) => ExplainJsonReport.ToString(r, o.ToolVersion),
            Sweep = (s, _) => SweepJsonReport.ToString(s),
            Advice = (a, o) => AdviceJsonReport.ToString(a, o.ToolVersion),
        },
        new("md", ["markdown"], true, "GitHub Markdown") { Check = MarkdownReport.ToString },
        new("junit", ["xml"], true, "JUnit XML") { Check = JUnitReport.ToString },
        new("sarif", [], true, "SARIF 2.1.0") { Check = SarifReport.ToString },
        new("csv", [], true, "one row per point") { Sweep = (s, _) => SweepCsvReport.ToString(s) },
    ];

    /// <summary>The formats that can render <paramref name="kind"/>, in registry order.</summary>
    public static IReadOnlyList<ReportFormat> For(ReportKind kind) => All.Where(f => f.Renders(kind)).ToList();

    /// <summary>"console, json, md, junit, sarif" for check.</summary>
    public static string Names(ReportKind kind) => string.Join(", ", For(kind).Select(f => f.Name));

    /// <summary>The `--format` help line of a command: every accepted format with what it is.</summary>
    public static string Help(ReportKind kind)
    {
        var list = For(kind).Select(f => $"{f.Name} ({f.Description})").ToList();
        var text = list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
        return $"Report format: {text}.";
    }

    /// <summary>The format by name or alias, case-insensitive; null when no row answers to it.</summary>
    public static ReportFormat? Find(string name) => All.FirstOrDefault(f => f.Answers(name.Trim()));

    /// <summary>
    /// The format <paramref name="value"/> names for a command reporting <paramref name="kind"/> (console when
    /// none is given). An unknown name is FC0002 with "did you mean"; a known format the command cannot render
    /// is FC0607 with the formats it can, never a silent fallback to the table.
    /// </summary>
    public static ReportFormat Parse(string? value, ReportKind kind, string command, string option = "--format")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Console;
        }

        var accepted = Names(kind);
        if (Find(value) is not { } format)
        {
            var guess = Suggest.Closest(value.Trim(), For(kind).SelectMany(f => f.Aliases.Prepend(f.Name)));
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument(
                $"unknown format '{DiagnosticCatalog.Clip(value)}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                $"use {option} with one of {accepted}"));
        }

        return format.Renders(kind)
            ? format
            : throw new FitCheckException(DiagnosticCatalog.FormatNotForCommand(command, format.Name, option, accepted));
    }
}
