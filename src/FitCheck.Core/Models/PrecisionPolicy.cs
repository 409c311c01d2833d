using FitCheck.Analysis;

namespace FitCheck.Models;

/// <summary>
/// The one precision policy of every command: the precision stated (--precision, a manifest's `precision:`),
/// else the model file's own (an ONNX file's initializer types, a .tflite file's tensor types: float or
/// quantized), else int8 — and when it was not stated, a note saying which was used, so a guess is never silent.
/// </summary>
public static class PrecisionPolicy
{
    public static Precision Choose(Precision? stated, IModelSource source) => stated ?? source.NativePrecision ?? Precision.Int8;

    /// <summary>Why <see cref="Choose"/> picked what it did, or null when the precision was stated.</summary>
    public static string? Note(Precision? stated, IModelSource source) =>
        stated is not null ? null
        : source.NativePrecision is { } own ? $"precision {own.Name()}, the model file's own; pass --precision to analyse another"
        : $"precision int8 assumed (int32 biases): the model states none; pass --precision to choose";
}
