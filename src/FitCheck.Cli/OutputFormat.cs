using FitCheck.Diagnostics;

namespace FitCheck.Cli;

internal enum OutputFormat
{
    Console,
    Json,
    Markdown,
    JUnit,
    Sarif,
}

internal static class OutputFormats
{
    public const string Help =
        "Report format: console (a table; the default), json (the versioned contract), md (GitHub Markdown), junit (JUnit XML) or sarif (SARIF 2.1.0).";

    public const string Names = "console, json, md, junit, sarif";

    public static bool TryParse(string? value, out OutputFormat format)
    {
        OutputFormat? parsed = value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "console" or "text" => OutputFormat.Console,
            "json" => OutputFormat.Json,
            "md" or "markdown" => OutputFormat.Markdown,
            "junit" or "xml" => OutputFormat.JUnit,
            "sarif" => OutputFormat.Sarif,
            _ => null,
        };
        format = parsed ?? OutputFormat.Console;
        return parsed is not null;
    }

    public static OutputFormat Parse(string? value) => TryParse(value, out var format)
        ? format
        : throw new FitCheckException(DiagnosticCatalog.InvalidArgument(
            $"unknown format '{value}'", $"use --format with one of {Names}"));

    /// <summary>Formats whose text a program reads: annotations must not be mixed into them on stdout.</summary>
    public static bool IsMachineReadable(this OutputFormat format) => format != OutputFormat.Console;
}
