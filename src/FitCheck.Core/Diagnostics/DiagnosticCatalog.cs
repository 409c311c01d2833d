namespace FitCheck.Diagnostics;

/// <summary>
/// Every message FitCheck can report about bad input, one factory per problem, so ids stay unique and
/// wording stays consistent. Ranges: FC00xx general and arguments, FC01xx manifest, FC02xx models and
/// graphs, FC03xx hardware, FC04xx Darknet, FC05xx ONNX, FC06xx reports and baselines, FC07xx build, FC08xx TensorFlow Lite.
/// The catalogue is split into one partial file per range.
/// </summary>
public static partial class DiagnosticCatalog
{
    /// <param name="resolved">The full path that was looked for; null when it is the one given.</param>
    /// <param name="from">What a relative path was resolved from ("the manifest's folder, /x"); null for the current directory.</param>
    public static Diagnostic FileNotFound(string path, string? resolved = null, string? from = null) =>
        new("FC0001", $"file '{path}' does not exist", null, resolved is null
            ? "check the path; relative paths are resolved from the current directory"
            : $"looked for '{resolved}': relative paths are resolved from {from ?? "the current directory"}; check the path");

    public static Diagnostic InvalidArgument(string message, string hint) =>
        new("FC0002", message, null, hint);

    public static Diagnostic FileUnreadable(string path, string reason) =>
        new("FC0003", $"cannot read '{path}': {reason}", null, "check that the file is readable");

    /// <summary>Echoes of user input are escaped and cut short so a hostile file cannot flood or drive the terminal.</summary>
    internal static string Clip(string text) => InertText.Clip(text);
}

public static partial class DiagnosticCatalog
{
    public const string InternalErrorId = "FC0000";

    /// <summary>A bug, not bad input (exit 3): the exception's type only, its details behind --verbose.</summary>
    public static Diagnostic InternalError(string what) =>
        new(InternalErrorId, $"internal error ({what})", null,
            "this is a bug in FitCheck, not in your input; run again with --verbose and report the output");
}
