using System.Globalization;

namespace FitCheck.Diagnostics;

/// <summary>
/// ONNX import (FC05xx). A .onnx file is binary, so there is no line and column: the file name and, where
/// the problem sits at one place, the byte offset go in the message instead.
/// </summary>
public static partial class DiagnosticCatalog
{
    private const string ReExport = "re-export the model (e.g. torch.onnx.export) or download it again; `python -m onnx.checker` shows what is wrong";

    public static Diagnostic OnnxTruncated(string file, long offset, long fileLength, string what) =>
        new("FC0501", $"'{file}' is truncated: it ends at byte {N(fileLength)} inside {what} that starts at byte {N(offset)}", null,
            "the file is incomplete; " + ReExport);

    public static Diagnostic OnnxCorrupt(string file, long offset, string what) =>
        new("FC0502", $"'{file}' is not a valid ONNX protobuf at byte {N(offset)}: {what}", null,
            "check that the file really is an .onnx model (not a .pt, a zip or a Git LFS pointer); " + ReExport);

    public static Diagnostic OnnxLengthBeyondEnd(string file, long offset, string what, long length, long remaining) =>
        new("FC0503", $"'{file}' at byte {N(offset)}: {what} claims {N(length)} bytes but only {N(remaining)} remain in the file", null,
            "the file is truncated or its length prefix is corrupt; " + ReExport);

    public static Diagnostic OnnxWrongWireType(string file, long offset, string field, int wireType, string expected) =>
        new("FC0504", $"'{file}' at byte {N(offset)}: field {field} has wire type {wireType}, expected {expected}", null,
            "the file was written against a different schema or is corrupt; " + ReExport);

    public static Diagnostic OnnxCycle(string file, IEnumerable<string> nodes) =>
        new("FC0505", $"'{file}': the graph has a cycle through nodes {string.Join(", ", nodes.Select(n => $"'{n}'"))}", null,
            "ONNX graphs must be acyclic; " + ReExport);

    public static Diagnostic OnnxDanglingInput(string file, string node, string opType, string input) =>
        new("FC0506", $"'{file}': node '{node}' ({opType}) reads '{input}', which no node, initializer or graph input produces", null,
            "the graph is incomplete (a pruned or hand-edited model?); " + ReExport);

    public static Diagnostic OnnxUnsupportedOperator(string file, string node, string opType, string domain, string? suggestion) =>
        OnnxUnsupportedOperators(file, [new UnsupportedOperator(domain.Length == 0 ? opType : domain + "." + opType, 1, node, suggestion)]);

    /// <summary>Every operator of the file FitCheck cannot translate, at once, most frequent first.</summary>
    public static Diagnostic OnnxUnsupportedOperators(string file, IReadOnlyList<UnsupportedOperator> operators) =>
        new("FC0507", $"'{file}': {(operators.Count == 1 ? "1 operator" : $"{N(operators.Count)} operators")} not supported: "
            + string.Join(", ", operators.Select(o => $"{o.Operator} ({N(o.Nodes)} node{(o.Nodes == 1 ? "" : "s")}, first '{o.FirstNode}')"
                + (o.Suggestion is null ? "" : $" (did you mean '{o.Suggestion}'?)"))), null,
            "simplify the model (onnxsim), export at a lower opset, or describe the network as a zoo model or Darknet .cfg; "
            + "`dotnet fitcheck zoo --operators` lists the supported operators");

    public static Diagnostic OnnxMissingGraph(string file) =>
        new("FC0508", $"'{file}' holds no graph (ModelProto.graph is absent)", null,
            "the file may be an ONNX function library, a checkpoint or another protobuf; " + ReExport);

    public static Diagnostic OnnxEmptyFile(string file) =>
        new("FC0509", $"'{file}' is empty", null, "the file has 0 bytes; " + ReExport);

    public static Diagnostic OnnxTooLarge(string file, long offset, string what, long length) =>
        new("FC0510", $"'{file}' at byte {N(offset)}: {what} claims {N(length)} bytes, more than the 2 GB a protobuf message can hold", null,
            "models above 2 GB must keep their weights in external data (onnx.save_model(..., save_as_external_data=True)); otherwise the file is corrupt");

    public static Diagnostic OnnxAbsurdSize(string file, long offset, string what) =>
        new("FC0511", $"'{file}' at byte {N(offset)}: {what}", null, "the value is out of any sensible range, so the file is corrupt; " + ReExport);

    public static Diagnostic OnnxUnsupportedInput(string file, string reason) =>
        new("FC0512", $"'{file}': {reason}", null,
            "FitCheck reads tensor inputs of rank 0 to 6; the image-like one takes the resolution, others their declared shapes; "
            + "pin a dynamic dimension or input by name with --input NAME=N (manifest: `inputs: { NAME: N }`)");

    public static Diagnostic OnnxInvalidNode(string file, string node, string opType, string reason) =>
        new("FC0513", $"'{file}': node '{node}' ({opType}): {reason}", null,
            "constant-fold the model first (onnxsim) so that shapes, scales and weights are initializers");

    /// <summary>One unsupported operator of a file: how many nodes use it and the first of them.</summary>
    public sealed record UnsupportedOperator(string Operator, int Nodes, string FirstNode, string? Suggestion);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
