namespace FitCheck.Diagnostics;

/// <summary>
/// Every message FitCheck can report about bad input, one factory per problem, so ids stay unique and
/// wording stays consistent. Ranges: FC00xx general and arguments, FC01xx manifest, FC02xx models and
/// graphs, FC03xx hardware, FC04xx Darknet, FC05xx ONNX, FC06xx reports and baselines, FC07xx build, FC08xx TensorFlow Lite.
/// The catalogue is split into one partial file per range.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static Diagnostic FileNotFound(string path) =>
        new("FC0001", $"file '{path}' does not exist", null, "check the path; relative paths are resolved from the current directory");

    public static Diagnostic InvalidArgument(string message, string hint) =>
        new("FC0002", message, null, hint);

    public static Diagnostic FileUnreadable(string path, string reason) =>
        new("FC0003", $"cannot read '{path}': {reason}", null, "check that the file is readable");

    /// <summary>Echoes of user input are cut short so a hostile file cannot flood the terminal.</summary>
    internal static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
