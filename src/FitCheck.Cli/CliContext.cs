using FitCheck.IO;

namespace FitCheck.Cli;

/// <summary>Everything the CLI touches outside itself, injected so tests run it in-process.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory, Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>Colour only on a real terminal and never when NO_COLOR is set (no-color.org).</summary>
    public bool UseColor => !Console.IsOutputRedirected && ReferenceEquals(Out, Console.Out)
        && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));

    /// <summary>A path from the command line, resolved; a NUL or otherwise unusable path is an input error (FC0004).</summary>
    public string ResolvePath(string path) => InputFile.Resolve(WorkingDirectory, path, null);
}
