namespace FitCheck.Diagnostics;

/// <summary>FC0004-FC0009: paths and files themselves (special files, pipes, outputs), before any format is read.</summary>
public static partial class DiagnosticCatalog
{
    public static Diagnostic InvalidPath(string path, string reason, SourceLocation? at) =>
        new("FC0004", $"'{path}' cannot be used as a path: {reason}", at,
            "write the path without control characters; relative paths are resolved from the manifest's directory");

    public static Diagnostic NotARegularFile(string path, string kind, SourceLocation? at) =>
        new("FC0005", $"'{path}' is {kind}, not a regular file", at,
            "name a model file on disk; FitCheck does not read models from pipes, devices, sockets or directories");

    public static Diagnostic PipeTimeout(string path, string reason, SourceLocation? at) =>
        new("FC0006", $"gave up reading '{path}': {reason}", at,
            "pass a regular file, or make sure the command writing into the pipe starts and finishes");

    public static Diagnostic NoWorkingDirectory() =>
        new("FC0007", "the current directory no longer exists", null,
            "cd into an existing directory (or pass absolute paths) and run again");

    /// <summary>Located at the output path itself (line 1), so CI annotations and editors can point at it.</summary>
    public static Diagnostic CannotWriteOutput(string path, string reason) =>
        new("FC0008", $"cannot write '{path}': {reason}", new SourceLocation(path, 1, 1),
            "check that the directory exists and is writable and that the disk is not full");

    public static Diagnostic OutputIsInput(string path, string input) =>
        new("FC0009", $"the output '{path}' is the same file as the {input}; refusing to overwrite it", new SourceLocation(path, 1, 1),
            "write the report to another path, e.g. `--output fitcheck.json`");
}
