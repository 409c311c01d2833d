using FitCheck.Diagnostics;
using FitCheck.Manifest;

namespace FitCheck.Cli;

/// <summary>
/// How every command finds and reads a manifest: the path given, else ./fitcheck.yml. Diagnostics name the
/// file as the user wrote it; warnings go to stderr and the run goes on.
/// </summary>
internal static class ManifestFile
{
    public const string Default = "fitcheck.yml";

    /// <summary>The path to read: the one given, else ./fitcheck.yml when it exists, else null.</summary>
    public static string? Choose(CliContext context, string? given) =>
        !string.IsNullOrWhiteSpace(given) ? given
        : File.Exists(context.ResolvePath(Default)) ? Default
        : null;

    public static ManifestDocument Read(CliContext context, string path)
    {
        var document = ManifestParser.ParseFile(context.ResolvePath(path), path);
        foreach (var warning in document.Warnings)
        {
            context.Error.WriteLine(warning.Format());
        }

        return document;
    }

    public static FitCheckException Missing(string command) =>
        new(DiagnosticCatalog.InvalidArgument($"no manifest given and no ./{Default} here",
            $"run `dotnet fitcheck {command} path/to/fitcheck.yml`, or `dotnet fitcheck init` to write a starter ./{Default}"));
}
