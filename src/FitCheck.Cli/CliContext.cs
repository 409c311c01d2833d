namespace FitCheck.Cli;

/// <summary>Everything the CLI touches outside itself, injected so tests run it in-process.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory, Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>Colour only on a real terminal and never when NO_COLOR is set (no-color.org).</summary>
    public bool UseColor => !Console.IsOutputRedirected && ReferenceEquals(Out, Console.Out)
        && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
