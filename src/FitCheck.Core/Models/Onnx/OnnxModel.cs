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
    private readonly OnnxGraph _graph;
    private readonly string _file;
    private readonly OnnxValueInfo _input;

    private OnnxModel(string name, string file, OnnxGraph graph, OnnxValueInfo input)
    {
        Name = name;
        _file = file;
        _graph = graph;
        _input = input;
        WeightPrecision = ImpliedPrecision(graph);
        DefaultResolution = FixedResolution(input) ?? new Resolution(224, 224);
    }

    public string Name { get; }

    /// <summary>The input's fixed height and width when the file fixes them, else 224x224.</summary>
    public Resolution DefaultResolution { get; }

    /// <summary>
    /// The weight precision the file implies: the element type holding most initializer elements (int8 for
    /// int8/uint8, fp16 for float16/bfloat16, fp32 for float), or null when the file has no weights.
    /// </summary>
    public Precision? WeightPrecision { get; }

    public Precision? NativePrecision => WeightPrecision;

    /// <summary>The input dims as the file declares them, e.g. "N x 3 x 224 x 224" or "batch x 3 x height x width".</summary>
    public string InputSignature => string.Join(" x ", _input.Dims!.Select(d => d.ToString()));

    public static OnnxModel Load(string path)
    {
        var file = Path.GetFileName(path);
        var graph = OnnxReader.Read(path, file);
        graph.Order = OnnxTopology.Sort(graph, file);
        var input = SelectInput(graph, file);
        return new OnnxModel(Path.GetFileNameWithoutExtension(path), file, graph, input);
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
        var input = SelectInput(graph, file);
        return new OnnxModel(Path.GetFileNameWithoutExtension(path), file, graph, input);
    }

    public Network Build(Resolution resolution, int batch)
    {
        var dims = InputDims(resolution, batch);
        try
        {
            return OnnxTranslator.Translate(_graph, _file, Name, _input.Name, dims);
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(Name, FormattableString.Invariant($"a tensor of '{_file}' at {resolution} and batch {batch}")));
        }
    }

    /// <summary>The ONNX dims of each graph output at this input size (null where an output has no value).</summary>
    internal IReadOnlyList<long[]?> OutputDims(Resolution resolution, int batch) =>
        OnnxTranslator.OutputDims(_graph, _file, Name, _input.Name, InputDims(resolution, batch));

    /// <summary>The operator types the graph uses (main graph only), for choosing which conformance tests apply.</summary>
    internal IEnumerable<string> OperatorTypes => _graph.Nodes.Select(n => n.OpType).Distinct(StringComparer.Ordinal);

    private long[] InputDims(Resolution resolution, int batch)
    {
        var declared = _input.Dims!;
        var dims = new long[declared.Count];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = declared[i].Value;
        }

        if (declared[0].IsDynamic)
        {
            dims[0] = batch;
        }
        else if (declared[0].Value != batch)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, FormattableString.Invariant($"{resolution} at batch {batch}"),
                FormattableString.Invariant($"the file fixes the batch size to {declared[0].Value}"),
                FormattableString.Invariant($"use batch {declared[0].Value}, or export with a dynamic batch axis (dynamic_axes in torch.onnx.export)"), null));
        }

        // Images take H and W; a dynamic L of an N x C x L input (signals, token sequences) takes the width.
        // A fixed L is kept whatever the resolution: for sequences, a resolution means nothing.
        if (dims.Length == 3 && declared[2].IsDynamic)
        {
            dims[2] = resolution.Width;
        }

        if (dims.Length == 4)
        {
            long[] requested = [resolution.Height, resolution.Width];
            for (var i = 0; i < requested.Length; i++)
            {
                var d = declared[2 + i];
                if (d.IsDynamic)
                {
                    dims[2 + i] = requested[i];
                }
                else if (d.Value != requested[i])
                {
                    var fixedSize = FixedResolution(_input)?.ToString() ?? d.Value.ToString(CultureInfo.InvariantCulture);
                    throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, resolution.ToString(),
                        $"the file fixes the input to {fixedSize} ({InputSignature})",
                        $"use resolution {fixedSize}, or re-export with dynamic height and width (dynamic_axes in torch.onnx.export)", null));
                }
            }
        }

        return dims;
    }

    private static Resolution? FixedResolution(OnnxValueInfo input)
    {
        var dims = input.Dims!;
        return dims.Count switch
        {
            4 when !dims[2].IsDynamic && !dims[3].IsDynamic && dims[2].Value <= Resolution.MaxSide && dims[3].Value <= Resolution.MaxSide =>
                new Resolution((int)dims[3].Value, (int)dims[2].Value),
            _ => null,
        };
    }

    /// <summary>The one graph input that is not an initializer (IR &lt; 4 lists initializers as inputs too).</summary>
    private static OnnxValueInfo SelectInput(OnnxGraph graph, string file)
    {
        var inputs = graph.Inputs.Where(i => !graph.Initializers.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(file, inputs.Count == 0
                ? "the graph has no input"
                : FormattableString.Invariant($"the graph has {inputs.Count} inputs ({string.Join(", ", inputs.Select(i => $"'{i.Name}'"))})")));
        }

        var input = inputs[0];
        if (input.Dims is null || input.Dims.Count is < 2 or > 4)
        {
            var shape = input.Dims is null ? "no shape" : FormattableString.Invariant($"rank {input.Dims.Count}");
            throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(file, $"input '{input.Name}' has {shape}; FitCheck needs N x C x H x W, N x C x L or N x features"));
        }

        if (input.Dims[1].IsDynamic)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedInput(file, $"input '{input.Name}' has a dynamic channel count ({input.Dims[1]})"));
        }

        return input;
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
