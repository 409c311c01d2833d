namespace FitCheck.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static Diagnostic UnknownZooModel(string name, string? suggestion, IEnumerable<string> known, SourceLocation? at) =>
        new("FC0201", $"unknown zoo model '{Clip(name)}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"), at,
            $"built-in models: {string.Join(", ", known)} (run `dotnet fitcheck zoo`)");

    public static Diagnostic InvalidResolution(string model, string resolution, string reason, string hint, SourceLocation? at) =>
        new("FC0202", $"{model} cannot take input {resolution}: {reason}", at, hint);

    public static Diagnostic ShapeError(string network, string layer, string reason, SourceLocation? at = null) =>
        new("FC0203", $"{network}: layer '{layer}': {reason}", at, "the input resolution is too small for this network, or the layer's parameters do not fit its input");

    public static Diagnostic SizeOverflow(string network, string what, SourceLocation? at = null) =>
        new("FC0204", $"{network}: {what} exceeds 64-bit arithmetic", at, "use a smaller resolution or batch");

    public static Diagnostic UnknownModelSource(string source, SourceLocation? at) =>
        new("FC0205", $"cannot tell what kind of model '{source}' is", at,
            "use zoo:<name> for a built-in model, or a path ending in .cfg (Darknet), .onnx or .tflite");

    public static Diagnostic InvalidResolutionSyntax(string text, SourceLocation? at) =>
        new("FC0206", $"'{text}' is not a resolution", at, "write WIDTHxHEIGHT, e.g. 608x608 or 1920x1088 (a single number means a square)");
}

public static partial class DiagnosticCatalog
{
    public static Diagnostic ResolutionOutOfRange(string text, int max, SourceLocation? at) =>
        new("FC0207", $"resolution '{text}' is out of range", at, $"each side must be between 1 and {max} pixels");
}

public static partial class DiagnosticCatalog
{
    /// <summary>A guess is never silent: weight bytes scale with the precision, so an assumed one is said.</summary>
    public static Diagnostic PrecisionAssumed(string model, SourceLocation? at) =>
        new("FC0209", $"model '{Clip(model)}' states no precision and its source has none of its own: int8 assumed (int32 biases)", at,
            "add `precision: int8` (or int16, fp16, fp32) to the model entry to say which precision it is deployed at",
            DiagnosticSeverity.Warning);
}
