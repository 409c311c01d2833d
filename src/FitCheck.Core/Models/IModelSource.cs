using FitCheck.Graph;

namespace FitCheck.Models;

/// <summary>
/// A network definition that can be instantiated at a resolution and batch: a zoo entry, a Darknet .cfg
/// an ONNX or a TensorFlow Lite file. Loading reads the definition once; <see cref="Build"/> may be called many times.
/// </summary>
public interface IModelSource
{
    /// <summary>Display name, e.g. "yolov3" or the file name.</summary>
    string Name { get; }

    /// <summary>The resolution used when the manifest or command line gives none.</summary>
    Resolution DefaultResolution { get; }

    /// <summary>
    /// Instantiates the network. Throws <see cref="Diagnostics.FitCheckException"/> with
    /// <see cref="Diagnostics.DiagnosticCatalog.InvalidResolution"/> (naming the nearest valid sizes)
    /// when the network cannot take <paramref name="resolution"/>.
    /// </summary>
    Network Build(Resolution resolution, int batch);

    /// <summary>
    /// The precision the file itself implies (an ONNX model with int8 initializers is int8), used when
    /// the manifest or command line states none; null when the source does not say.
    /// </summary>
    Analysis.Precision? NativePrecision => null;

    /// <summary>
    /// Weight bytes as the file stores them (a .tflite file's constant buffers), which replace the
    /// parameters x precision estimate when the analysis runs at <see cref="NativePrecision"/>; null when
    /// the source does not store weights.
    /// </summary>
    long? StoredWeightBytes => null;

    /// <summary>What the report should say about how the source was read (sub-models skipped, compiled ops, storage types).</summary>
    IReadOnlyList<string> Notes => [];
}
