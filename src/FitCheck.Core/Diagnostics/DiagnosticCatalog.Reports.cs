namespace FitCheck.Diagnostics;

public static partial class DiagnosticCatalog
{
    private const string BaselineHint =
        "pass a report written by `dotnet fitcheck check MANIFEST --format json --output FILE` (schemaVersion 1)";

    public static Diagnostic BaselineNotJson(string path, string reason, SourceLocation at) =>
        new("FC0601", $"baseline '{path}' is not valid JSON: {reason}", at, BaselineHint);

    public static Diagnostic BaselineShape(string path, string jsonPath, string problem, SourceLocation at) =>
        new("FC0602", $"baseline '{path}': {jsonPath} {problem}", at, BaselineHint);

    public static Diagnostic BaselineVersion(string path, string found, SourceLocation at) =>
        new("FC0603", $"baseline '{path}' has schemaVersion {found}; this FitCheck reads schemaVersion 1", at,
            "regenerate the baseline with this version of FitCheck");

    public static Diagnostic InvalidMaxGrowth(string text) =>
        new("FC0604", $"--max-growth '{text}' is not a percentage", null,
            "give the largest allowed growth per figure, such as `--max-growth 5%` (0% allows no growth)");

    public static Diagnostic OutputExists(string path) =>
        new("FC0605", $"'{path}' already exists; not overwriting it", null,
            "pass another path (`dotnet fitcheck init other.yml`) or delete the file first");

    public static Diagnostic InvalidReportOption(string text, string reason, string formats) =>
        new("FC0606", $"--report '{text}' {reason}", null,
            $"write FORMAT=PATH with FORMAT one of {formats}, e.g. `--report md=fitcheck.md`");
}

public static partial class DiagnosticCatalog
{
    public static Diagnostic FormatNotForCommand(string command, string format, string option, string accepted) =>
        new("FC0607", $"`{command}` cannot write a {format} report", null,
            $"use {option} with one of the formats {command} writes: {accepted}");
}
