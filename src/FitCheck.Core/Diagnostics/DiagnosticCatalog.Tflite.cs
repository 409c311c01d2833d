namespace FitCheck.Diagnostics;

/// <summary>
/// TensorFlow Lite import (FC08xx). Like ONNX, a .tflite file is binary: the file name and the byte offset
/// of the offending table, vector or field go in the message instead of a line and column.
/// </summary>
public static partial class DiagnosticCatalog
{
    private const string Reconvert = "convert the model again (tf.lite.TFLiteConverter) or download it again; `flatc --json --raw-binary schema.fbs -- model.tflite` shows what is wrong";

    public static Diagnostic TfliteEmpty(string file) =>
        new("FC0801", $"'{file}' is empty", null, "the file has 0 bytes; " + Reconvert);

    public static Diagnostic TfliteNotTflite(string file, string found) =>
        new("FC0802", $"'{file}' is not a TensorFlow Lite model: its file identifier is {found}, not \"TFL3\"", null,
            "check that the file really is a .tflite FlatBuffer (not a SavedModel, a zip or a Git LFS pointer); " + Reconvert);

    public static Diagnostic TfliteTruncated(string file, long offset, long fileLength, string what) =>
        new("FC0803", $"'{file}' is truncated or corrupt: {what} at byte {N(offset)} runs past the end of the file ({N(fileLength)} bytes)", null,
            "the file is incomplete or an offset in it is wrong; " + Reconvert);

    public static Diagnostic TfliteCorrupt(string file, long offset, string what) =>
        new("FC0804", $"'{file}' is not a valid TensorFlow Lite FlatBuffer at byte {N(offset)}: {what}", null, Reconvert);

    public static Diagnostic TfliteIndexOutOfRange(string file, long offset, string what, long index, long count) =>
        new("FC0805", $"'{file}' at byte {N(offset)}: {what} {N(index)} is out of range (the model has {N(count)})", null,
            "the file refers to a tensor, buffer or operator code it does not hold, so it is corrupt; " + Reconvert);

    public static Diagnostic TfliteBadShape(string file, long offset, string tensor, string reason) =>
        new("FC0806", $"'{file}' at byte {N(offset)}: tensor '{Clip(tensor)}' {reason}", null,
            "dimensions must be 0 or more (-1 only in shape_signature, for a dynamic size); " + Reconvert);

    public static Diagnostic TfliteCycle(string file, long offset, string op) =>
        new("FC0807", $"'{file}' at byte {N(offset)}: operator {Clip(op)} is part of a cycle (it consumes a tensor that depends on its own output)", null,
            "a TensorFlow Lite subgraph must be acyclic; " + Reconvert);

    public static Diagnostic TfliteUnsupportedOperator(string file, long offset, string op, string? suggestion) =>
        new("FC0808", $"'{file}' at byte {N(offset)}: operator '{Clip(op)}' is not supported by FitCheck"
            + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"), null,
            "convert with only builtin inference operators (no SELECT_TF_OPS), or describe the network as a zoo model, Darknet .cfg or ONNX file");

    public static Diagnostic TfliteInvalidOperator(string file, long offset, string op, string reason) =>
        new("FC0809", $"'{file}' at byte {N(offset)}: operator {Clip(op)}: {reason}", null,
            "the operator's tensors do not fit together, so the file is corrupt or uses the operator in a way FitCheck does not know; " + Reconvert);

    public static Diagnostic TfliteUnsupportedModel(string file, string reason) =>
        new("FC0810", $"'{file}': {reason}", null,
            "FitCheck analyses subgraph 0 with at least one input; convert the inference function alone (TFLiteConverter.from_concrete_functions)");

    public static Diagnostic TfliteTooLarge(string file, long offset, string what, long count, long limit) =>
        new("FC0811", $"'{file}' at byte {N(offset)}: {what} has {N(count)} entries, more than the {N(limit)} FitCheck reads", null,
            "no inference graph is that large, so the file is corrupt; " + Reconvert);
}
