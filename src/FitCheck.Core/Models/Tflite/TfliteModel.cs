using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Tflite;

/// <summary>
/// A network read from a TensorFlow Lite file. <see cref="Load"/> maps the file, reads subgraph 0 (the
/// model; other subgraphs are named in <see cref="Notes"/>) and translates it once at the file's own input
/// shape, so every error surfaces when the model is named. <see cref="Build"/> at another resolution or batch
/// needs the input's shape_signature to mark those dimensions dynamic (-1); otherwise it is an error with a hint.
/// Weight bytes are the file's own: the byte lengths of the constant buffers subgraph 0 reads, each buffer once.
/// </summary>
public sealed class TfliteModel : IModelSource
{
    private readonly TfliteGraph _graph;
    private readonly string _file;
    private readonly TfliteTensor _input;
    private readonly Network _native;

    private TfliteModel(string name, string file, TfliteGraph graph, TfliteTensor input, Network native, IReadOnlyList<string> notes)
    {
        Name = name;
        _file = file;
        _graph = graph;
        _input = input;
        _native = native;
        Notes = notes;
        DefaultResolution = ResolutionOf(input.Shape);
    }

    public string Name { get; }

    /// <summary>The input's stored height and width (for a non-image input: its last dimension by its second).</summary>
    public Resolution DefaultResolution { get; }

    /// <summary>The precision of the activations (the element type of most activation elements).</summary>
    public Precision? NativePrecision { get; private init; }

    /// <summary>Σ byte lengths of the distinct constant buffers subgraph 0 reads (plus an Edge TPU executable).</summary>
    public long? StoredWeightBytes { get; private init; }

    /// <summary>The element type of most weight bytes, e.g. int8, or float16 for MediaPipe's fp16 models.</summary>
    public Precision? WeightPrecision { get; private init; }

    public IReadOnlyList<string> Notes { get; }

    /// <summary>The input's stored NHWC shape and its signature, e.g. "1 x 256 x 256 x 3 (signature -1 x 256 x 256 x 3)".</summary>
    public string InputSignature => string.Join(" x ", _input.Shape)
        + (_input.Signature is { } s && !s.SequenceEqual(_input.Shape) ? $" (signature {string.Join(" x ", s)})" : "");

    public static TfliteModel Load(string path)
    {
        var file = Path.GetFileName(path);
        var name = Path.GetFileNameWithoutExtension(path);
        var parsed = TfliteReader.Read(path, file);
        var graph = TfliteGraph.Prepare(parsed, file);
        var inputs = ActivationInputs(graph, file);
        Network native;
        try
        {
            native = TfliteTranslator.Translate(graph, file, name, inputs.Select(i => (i.Index, Dims(i.Shape))).ToList());
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(name, $"a tensor of '{file}'"));
        }

        var facts = TfliteFacts.Collect(graph, file);
        return new TfliteModel(name, file, graph, inputs[0], native, facts.Notes)
        {
            NativePrecision = facts.ActivationPrecision,
            StoredWeightBytes = facts.WeightBytes,
            WeightPrecision = facts.WeightPrecision,
        };
    }

    public Network Build(Resolution resolution, int batch)
    {
        var stored = Dims(_input.Shape);
        if (resolution == DefaultResolution && (stored.Length == 0 || stored[0] == batch))
        {
            return _native;
        }

        var dims = RequestedDims(resolution, batch);
        var inputs = ActivationInputs(_graph, _file).Select((t, i) => (t.Index, i == 0 ? dims : Dims(t.Shape))).ToList();
        try
        {
            return TfliteTranslator.Translate(_graph, _file, Name, inputs);
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(Name, FormattableString.Invariant($"a tensor of '{_file}' at {resolution} and batch {batch}")));
        }
    }

    private long[] RequestedDims(Resolution resolution, int batch)
    {
        var dims = Dims(_input.Shape);
        var signature = _input.Signature;
        bool Dynamic(int axis) => signature is not null && axis < signature.Length && signature[axis] == -1;
        if (dims.Length > 0 && dims[0] != batch)
        {
            if (!Dynamic(0))
            {
                throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, FormattableString.Invariant($"{resolution} at batch {batch}"),
                    FormattableString.Invariant($"the file fixes the batch size to {dims[0]} (input {InputSignature})"),
                    FormattableString.Invariant($"use batch {dims[0]}, or convert with a dynamic batch (a None batch dimension in the Keras input)"), null));
            }

            dims[0] = batch;
        }

        if (resolution != DefaultResolution)
        {
            var (h, w) = SpatialAxes(_input.Shape);
            if (dims.Length != 4 || !Dynamic(h) || !Dynamic(w))
            {
                throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, resolution.ToString(),
                    $"the file fixes the input to {DefaultResolution} (input {InputSignature})",
                    $"use resolution {DefaultResolution}, or convert the model with a dynamic height and width (shape_signature -1)", null));
            }

            dims[h] = resolution.Height;
            dims[w] = resolution.Width;
        }

        return dims;
    }

    private static long[] Dims(int[] shape) => shape.Select(d => (long)d).ToArray();

    /// <summary>
    /// Height and width axes of a rank-4 input: NHWC as TensorFlow writes it, unless the file holds a channels-first
    /// input (models converted from PyTorch keep 1 x 3 x H x W and transpose inside the graph).
    /// </summary>
    private static (int H, int W) SpatialAxes(int[] shape) =>
        shape.Length == 4 && shape[1] is (1 or 3) && shape[3] is not (1 or 3) && shape[2] > 4 ? (2, 3) : (1, 2);

    private static Resolution ResolutionOf(int[] shape) => shape.Length switch
    {
        4 => new Resolution(shape[SpatialAxes(shape).W], shape[SpatialAxes(shape).H]),
        3 => new Resolution(shape[2], shape[1]),
        2 => new Resolution(shape[1], 1),
        1 => new Resolution(shape[0], 1),
        _ => new Resolution(1, 1),
    };

    /// <summary>The subgraph's non-constant inputs, the first image-like (rank-4) one first.</summary>
    private static List<TfliteTensor> ActivationInputs(TfliteGraph graph, string file)
    {
        var inputs = graph.Main.Inputs.Distinct().Where(i => !graph.Constant[i]).Select(i => graph.Main.Tensors[i]).ToList();
        if (inputs.Count == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.TfliteUnsupportedModel(file, "subgraph 0 has no input"));
        }

        var primary = inputs.FirstOrDefault(t => t.Shape.Length == 4) ?? inputs[0];
        if (primary.Shape.Any(d => d == 0))
        {
            throw new FitCheckException(DiagnosticCatalog.TfliteUnsupportedModel(file,
                string.Create(CultureInfo.InvariantCulture, $"input '{DiagnosticCatalog.Clip(primary.Name)}' has an empty shape [{string.Join(", ", primary.Shape)}]")));
        }

        inputs.Remove(primary);
        inputs.Insert(0, primary);
        return inputs;
    }
}
