using FitCheck.Diagnostics;

namespace FitCheck.Cli;

internal enum OutputFormat
{
    Console,
    Json,
}

internal static class OutputFormats
{
    public const string Help = "Report format: console (a table; the default) or json (the versioned contract).";

    public static OutputFormat Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "console" or "text" => OutputFormat.Console,
        "json" => OutputFormat.Json,
        _ => throw new FitCheckException(DiagnosticCatalog.InvalidArgument(
            $"unknown format '{value}'", "use --format console or --format json")),
    };
}
