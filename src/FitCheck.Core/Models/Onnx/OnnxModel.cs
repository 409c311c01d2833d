using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>
/// A network read from an ONNX file. <see cref="Load"/> streams the file once into a compact graph (nodes,
/// initializer shapes and types, the input's dims, which may be symbolic) and checks its wiring;
/// <see cref="Build"/> fills the dynamic input dims (dim_param, 0 or -1) with the batch and resolution
/// and runs shape inference through <see cref="NetworkBuilder"/>.
/// </summary>
public sealed class OnnxModel : IModelSource
{
    /// <summary>One second of 16 kHz audio: the length a rank-2 signal input takes when nothing pins it.</summary>
    public const int DefaultSignalLength = 16000;

    private readonly OnnxGraph _graph;
    private readonly string _file;
    private readonly IReadOnlyList<OnnxValueInfo> _inputs;
    private readonly IReadOnlyDictionary<string, long> _pins;

    private OnnxModel(string name, string file, OnnxGraph graph, IReadOnlyList<OnnxValueInfo> inputs, IReadOnlyDictionary<string, long> pins)
    {
        Name = name;
        _file = file;
        _graph = graph;
        _inputs = inputs;
        _pins = pins;
        WeightPrecision = ImpliedPrecision(graph);
        DefaultResolution = DefaultFor(inputs[0], pins);
    }

    public string Name { get; }

    /// <summary>
    /// Images: the input's fixed height and width where the file fixes them, 224 where it does not. Signals
    /// and sequences (rank 2 or 3): their length as the width and 1 as the height; a dynamic length is
    /// <see cref="DefaultSignalLength"/> for rank 2, 224 for rank 3, unless pinned.
    /// </summary>
    public Resolution DefaultResolution { get; }

    /// <summary>
    /// The weight precision the file implies: the element type holding most initializer elements (int8 for
    /// int8/uint8, fp16 for float16/bfloat16, fp32 for float), or null when the file has no weights.
    /// </summary>
    public Precision? WeightPrecision { get; }

    public Precision? NativePrecision => WeightPrecision;

    /// <summary>True when the main input is an image (N x C x H x W); false for signals and sequences, where a resolution means a length.</summary>
    public bool IsImage => _inputs[0].Dims!.Count >= 4;

    /// <summary>The main input's dims as the file declares them, e.g. "N x 3 x 224 x 224" or "batch x 3 x height x width".</summary>
    public string InputSignature => Signature(_inputs[0]);

    /// <summary>Names a dynamic dimension can be pinned by: its dim_param names and the input names.</summary>
    public IReadOnlyList<string> PinnableNames =>
        [.. _inputs.Select(i => i.Name).Concat(_inputs.SelectMany(i => i.Dims!).Where(d => d.Param is not null).Select(d => d.Param!)).Distinct()];

    public static OnnxModel Load(string path)
    {
        var file = Path.GetFileName(path);
        var graph = OnnxReader.Read(path, file);
        graph.Order = OnnxTopology.Sort(graph, file);
        if (OnnxOperators.Unsupported(graph) is { Count: > 0 } unsupported)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedOperators(file, unsupported));
        }

        return new OnnxModel(Path.GetFileNameWithoutExtension(path), file, graph, SelectInputs(graph, file), new Dictionary<string, long>());
    }

    /// <summary>
    /// The same model with dynamic dimensions pinned by name (`--input samples=16000`, manifest `inputs:`): a
    /// dim_param name sets that dimension wherever it appears; an input name sets that input's dynamic
    /// non-batch dimension, or the value of a scalar input (a sample rate).
    /// </summary>
    public OnnxModel Pin(IReadOnlyDictionary<string, long> pins, Diagnostics.SourceLocation? at = null)
    {
        var known = PinnableNames;
        foreach (var (key, value) in pins)
        {
            if (!known.Contains(key))
            {
                var guess = key.Length <= 64 ? Suggest.Closest(key, known) : null;
                var message = $"'{key}' names no input or dynamic dimension (pinnable: {string.Join(", ", known)})"
                    + (guess is null ? "" : $"; did you mean '{guess}'?");
                throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(_file, message) with { Location = at });
            }

            if (value <= 0 || value > int.MaxValue)
            {
                throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(_file,
                    FormattableString.Invariant($"'{key}' = {value} must be a positive size")) with
                { Location = at });
            }
        }

        var merged = new Dictionary<string, long>(_pins, StringComparer.Ordinal);
        foreach (var (k, v) in pins)
        {
            merged[k] = v;
        }

        return new OnnxModel(Name, _file, _graph, _inputs, merged);
    }

    /// <summary>What the main input is at this resolution and batch, e.g. "1x3x224x224" or "1x16000".</summary>
    public string DescribeInput(Resolution resolution, int batch) =>
        string.Join("x", InputDims(_inputs[0], resolution, batch, null).Select(d => d.ToString(CultureInfo.InvariantCulture)));

    public Network Build(Resolution resolution, int batch)
    {
        try
        {
            return OnnxTranslator.Translate(_graph, _file, Name, InputValues(resolution, batch));
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(Name, FormattableString.Invariant($"a tensor of '{_file}' at {resolution} and batch {batch}")));
        }
    }

    private List<OnnxInputValue> InputValues(Resolution resolution, int batch)
    {
        var main = InputDims(_inputs[0], resolution, batch, null);
        var values = new List<OnnxInputValue> { new(_inputs[0].Name, main, _inputs[0].ElemType, null) };
        foreach (var input in _inputs.Skip(1))
        {
            var dims = InputDims(input, resolution, batch, main);
            long? value = input.Dims!.Count == 0 && _pins.TryGetValue(input.Name, out var v) ? v : null;
            values.Add(new OnnxInputValue(input.Name, dims, input.ElemType, value));
        }

        return values;
    }

    /// <summary>The ONNX dims of each graph output at this input size (null where an output has no value).</summary>
    internal IReadOnlyList<long[]?> OutputDims(Resolution resolution, int batch)
    {
        try
        {
            return OnnxTranslator.OutputDims(_graph, _file, Name, InputValues(resolution, batch));
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(Name, FormattableString.Invariant($"a tensor of '{_file}' at {resolution} and batch {batch}")));
        }
    }

    /// <summary>
    /// Loads a model with some graph inputs bound to constant tensors of the same name, the way
    /// keep_initializers_as_inputs exports carry weights; the ONNX backend node tests feed weights and shape
    /// operands as inputs, and binding them lets one data input carry the resolution.
    /// </summary>
    internal static OnnxModel Load(string path, IEnumerable<OnnxTensor> bound)
    {
        var file = Path.GetFileName(path);
        var graph = OnnxReader.Read(path, file);
        foreach (var t in bound)
        {
            graph.Initializers[t.Name] = t;
        }

        graph.Order = OnnxTopology.Sort(graph, file);
        if (OnnxOperators.Unsupported(graph) is { Count: > 0 } unsupported)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedOperators(file, unsupported));
        }

        return new OnnxModel(Path.GetFileNameWithoutExtension(path), file, graph, SelectInputs(graph, file), new Dictionary<string, long>());
    }

    /// <summary>
    /// Fills an input's dynamic dims: a pin by dim name or input name first; then the batch (axis 0, or a dim
    /// sharing the main input's batch name, or an unnamed one of a secondary input); then for the main input
    /// the resolution (H and W of an image, the length of a signal). Anything else must be pinned.
    /// </summary>
    private long[] InputDims(OnnxValueInfo input, Resolution resolution, int batch, long[]? main)
    {
        var declared = input.Dims!;
        var dims = new long[declared.Count];
        var isMain = main is null;
        var mainDims = _inputs[0].Dims!;

        // The batch is axis 0, unless that is fixed and a later, not-last axis is dynamic ([seq, N, features]).
        var batchAxis = mainDims.Count == 0 || mainDims[0].IsDynamic ? 0
            : Enumerable.Range(1, Math.Max(0, mainDims.Count - 2)).FirstOrDefault(j => mainDims[j].IsDynamic);
        var batchName = mainDims.Count > 0 ? mainDims[batchAxis].Param : null;
        var inputPinned = false;
        for (var i = 0; i < dims.Length; i++)
        {
            var d = declared[i];
            if (!d.IsDynamic)
            {
                dims[i] = d.Value;
            }
            else if (d.Param is not null && _pins.TryGetValue(d.Param, out var pinned))
            {
                dims[i] = pinned;
            }
            else if (i == 0 || (isMain && i == batchAxis) || (d.Param is not null && d.Param == batchName))
            {
                dims[i] = batch;
            }
            else if (!inputPinned && i > 0 && _pins.TryGetValue(input.Name, out var byInput))
            {
                dims[i] = byInput;
                inputPinned = true;
            }
            else if (isMain && declared.Count >= 4 && i >= declared.Count - 2)
            {
                // Images take H and W; volumes (N x C x D x H x W) take them for their last two axes.
                dims[i] = i == declared.Count - 2 ? resolution.Height : resolution.Width;
            }
            else if (isMain && declared.Count is 2 or 3 && i == declared.Count - 1)
            {
                dims[i] = resolution.Width;
            }
            else if (!isMain && d.Param is not null && mainDims.Select((m, j) => (m, j)).FirstOrDefault(p => p.m.Param == d.Param) is { m.Param: not null } same)
            {
                dims[i] = main![same.j];
            }
            else if (!isMain && d.Param is null)
            {
                // Unnamed dynamic dims of a state input (silero's state is [2, 0, 128]) follow the batch.
                dims[i] = batch;
            }
            else
            {
                throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(_file,
                    $"dimension {i} ('{d}') of input '{input.Name}' ({Signature(input)}) is dynamic and nothing sets it; "
                    + $"pin it with `--input {d.Param ?? input.Name}=N` or `inputs: {{ {d.Param ?? input.Name}: N }}` in the manifest"));
            }
        }

        if (isMain)
        {
            CheckFixed(input, dims, resolution, batch);
        }

        return dims;
    }

    private void CheckFixed(OnnxValueInfo input, long[] dims, Resolution resolution, int batch)
    {
        var declared = input.Dims!;
        if (declared.Count > 0 && !declared[0].IsDynamic && declared[0].Value != batch && !declared.Skip(1).SkipLast(1).Any(d => d.IsDynamic))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, FormattableString.Invariant($"{resolution} at batch {batch}"),
                FormattableString.Invariant($"the file fixes the batch size to {declared[0].Value}"),
                FormattableString.Invariant($"use batch {declared[0].Value}, or export with a dynamic batch axis (dynamic_axes in torch.onnx.export)"), null));
        }

        if (declared.Count < 4)
        {
            return;
        }

        var fixedH = declared[^2].IsDynamic ? null : (long?)declared[^2].Value;
        var fixedW = declared[^1].IsDynamic ? null : (long?)declared[^1].Value;
        if ((fixedH is { } h && h != resolution.Height) || (fixedW is { } w && w != resolution.Width))
        {
            var valid = DefaultFor(input, _pins);
            var what = (fixedH, fixedW) switch
            {
                ({ } fh, { } fw) => FormattableString.Invariant($"{fw}x{fh}"),
                ({ } fh, null) => FormattableString.Invariant($"a height of {fh} (any width)"),
                _ => FormattableString.Invariant($"a width of {fixedW} (any height)"),
            };
            throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, resolution.ToString(),
                $"the file fixes the input to {what} ({InputSignature})",
                $"use resolution {valid}{(fixedH is null || fixedW is null ? " or another size with the fixed side" : "")}, or re-export with dynamic height and width (dynamic_axes in torch.onnx.export)", null));
        }
    }

    private static Resolution DefaultFor(OnnxValueInfo input, IReadOnlyDictionary<string, long>? pins = null)
    {
        var dims = input.Dims!;
        int Side(OnnxDim d, int fallback) =>
            !d.IsDynamic && d.Value <= Resolution.MaxSide ? (int)d.Value
            : pins is not null && ((d.Param is not null && pins.TryGetValue(d.Param, out var p)) || pins.TryGetValue(input.Name, out p)) && p <= Resolution.MaxSide ? (int)p
            : fallback;
        return dims.Count switch
        {
            >= 4 => new Resolution(Side(dims[^1], 224), Side(dims[^2], 224)),
            2 => new Resolution(Side(dims[1], DefaultSignalLength), 1),
            3 => new Resolution(Side(dims[2], 224), 1),
            _ => new Resolution(1, 1),
        };
    }

    private static string Signature(OnnxValueInfo input) => string.Join(" x ", input.Dims!.Select(d => d.ToString()));

    /// <summary>
    /// The graph inputs that are not weights (an input with a same-named initializer is a weight: IR &lt; 4 and
    /// keep_initializers_as_inputs list them), main input first: the first image-like (rank 4) one, else the
    /// first floating-point one of rank 2 or 3 (audio, features, sequences), else the first.
    /// </summary>
    private static List<OnnxValueInfo> SelectInputs(OnnxGraph graph, string file)
    {
        var inputs = graph.Inputs.Where(i => !graph.Initializers.ContainsKey(i.Name)).ToList();
        if (inputs.Count == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(file, "the graph has no input"));
        }

        foreach (var input in inputs)
        {
            if (input.Dims is null || input.Dims.Count > 6)
            {
                var shape = input.Dims is null ? "no tensor shape" : FormattableString.Invariant($"rank {input.Dims.Count}");
                throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(file, $"input '{input.Name}' has {shape}; FitCheck needs tensor inputs of rank 0 to 6"));
            }
        }

        var main = inputs.FirstOrDefault(i => i.Dims!.Count == 4) ?? inputs.FirstOrDefault(i => i.Dims!.Count == 5)
            ?? inputs.FirstOrDefault(i => i.Dims!.Count is 2 or 3 && i.ElemType is OnnxDataType.Float or OnnxDataType.Float16 or OnnxDataType.Double or OnnxDataType.BFloat16)
            ?? inputs.FirstOrDefault(i => i.Dims!.Count >= 1)
            ?? throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(file, "every input is a scalar; FitCheck needs a tensor input"));
        if (main.Dims!.Count >= 2 && main.Dims[1].IsDynamic && main.Dims.Count == 4)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(file, $"input '{main.Name}' has a dynamic channel count ({main.Dims[1]})"));
        }

        return [main, .. inputs.Where(i => i != main)];
    }
    private static Precision? ImpliedPrecision(OnnxGraph graph)
    {
        var elements = new Dictionary<Precision, long>();
        foreach (var t in graph.Initializers.Values)
        {
            if (OnnxDataType.WeightPrecision(t.DataType) is { } p)
            {
                long n;
                try
                {
                    n = t.ElementCount();
                }
                catch (OverflowException)
                {
                    n = long.MaxValue;
                }

                elements[p] = elements.TryGetValue(p, out var sum) ? sum > long.MaxValue - n ? long.MaxValue : sum + n : n;
            }
        }

        return elements.Count == 0 ? null : elements.OrderByDescending(e => e.Value).ThenBy(e => e.Key).First().Key;
    }
}
