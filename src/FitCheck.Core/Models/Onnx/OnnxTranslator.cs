using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>
/// Instantiates a parsed graph at one input size: walks the nodes in topological order and turns each into
/// <see cref="NetworkBuilder"/> layers, so ONNX models get the same shape rules, parameter and MAC counts
/// as zoo models. Initializers are constants; the ones an operator consumes as data (conv and dense
/// weights and biases, elementwise operands) are counted as its parameters, the ones that configure it
/// (shapes, scales, slice bounds, quantisation scales) are not. The operator families live in the
/// partial files next to this one.
/// </summary>
internal sealed partial class OnnxTranslator
{
    private readonly OnnxGraph _graph;
    private readonly string _file;
    private readonly NetworkBuilder _b;
    private readonly Dictionary<string, OnnxValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OnnxNode>> _consumers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _graphOutputs;
    private readonly HashSet<int> _folded = [];
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);
    private OnnxNode _node = null!;

    private OnnxTranslator(OnnxGraph graph, string file, NetworkBuilder builder)
    {
        _graph = graph;
        _file = file;
        _b = builder;
        _graphOutputs = new HashSet<string>(graph.Outputs.Select(o => o.Name), StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            foreach (var input in node.Inputs)
            {
                if (input.Length > 0)
                {
                    if (!_consumers.TryGetValue(input, out var list))
                    {
                        _consumers[input] = list = [];
                    }

                    list.Add(node);
                }
            }
        }
    }

    /// <summary>Translates the graph with its inputs instantiated; <paramref name="inputs"/>[0] is the main input (layer 0).</summary>
    public static Network Translate(OnnxGraph graph, string file, string name, IReadOnlyList<OnnxInputValue> inputs) =>
        Run(graph, file, name, inputs)._b.Build();

    /// <summary>
    /// The ONNX dims inferred for each graph output (null where an output has no value), so that shape inference
    /// can be checked against reference outputs such as the ONNX backend node tests.
    /// </summary>
    public static IReadOnlyList<long[]?> OutputDims(OnnxGraph graph, string file, string name, IReadOnlyList<OnnxInputValue> inputs)
    {
        var t = Run(graph, file, name, inputs);
        return [.. graph.Outputs.Select(o => t._values.TryGetValue(o.Name, out var v) ? v.Dims : null)];
    }

    private static OnnxTranslator Run(OnnxGraph graph, string file, string name, IReadOnlyList<OnnxInputValue> inputs)
    {
        var shape = OnnxShapes.ToShape(inputs[0].Dims);
        var builder = new NetworkBuilder(name, shape.N, shape.C, shape.H, shape.W);
        var t = new OnnxTranslator(graph, file, builder);
        foreach (var (key, tensor) in graph.Initializers)
        {
            t._values[key] = OnnxValue.FromTensor(tensor);
        }

        t._values[inputs[0].Name] = OnnxValue.Activation(builder.Input, inputs[0].Dims);
        foreach (var input in inputs.Skip(1))
        {
            // A pinned scalar (a sample rate next to the audio) is a known value that conditions fold on.
            t._values[input.Name] = input.Value is { } v
                ? OnnxValue.Constant(input.Dims, input.ElemType, [v], null, generated: true)
                : OnnxValue.Activation(builder.AddInput(OnnxShapes.ToShape(input.Dims), input.Name), input.Dims);
        }

        foreach (var index in graph.Order)
        {
            if (!t._folded.Contains(index))
            {
                t._node = graph.Nodes[index];
                t.TranslateNode();
            }
        }

        return t;
    }

    private string Name => _node.DisplayName;

    private void TranslateNode()
    {
        // Load refused every unsupported operator already (OnnxOperators.Unsupported), all at once.
        var op = OnnxOperators.Find(_node.Domain, _node.OpType)
            ?? throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedOperator(_file, Name, _node.OpType, _node.Domain, null));
        op.Translate(this);
    }

    private OnnxValue Value(int i)
    {
        var name = _node.Input(i) ?? throw Invalid($"input {i} is missing");
        return _values.TryGetValue(name, out var v) ? v : throw Invalid($"input '{name}' has no value (its producer was skipped)");
    }

    private OnnxValue? OptionalValue(int i) => _node.Input(i) is null ? null : Value(i);

    /// <summary>An operand computed by the network (a layer output), not a constant.</summary>
    private OnnxValue Tensor(int i)
    {
        var v = Value(i);
        return v.IsConstant ? throw Invalid($"input {i} ('{_node.Inputs[i]}') must be computed by the graph, not a constant") : v;
    }

    /// <summary>An operand that must be an initializer or constant (weights, shapes, scales).</summary>
    private OnnxValue Constant(int i, string role)
    {
        var v = Value(i);
        return v.IsConstant ? v : throw Invalid($"the {role} ('{_node.Inputs[i]}') must be an initializer or constant");
    }

    private long[] Ints(OnnxValue v, string role) =>
        v.IntValues ?? throw Invalid($"the values of the {role} are not in the file (too large, or external)");

    /// <summary>A list attribute, or the same list given as a constant input (operators moved them there in later opsets).</summary>
    private long[]? IntsFromAttributeOrInput(string attribute, int input)
    {
        if (_node.Ints(attribute) is { } fromAttribute)
        {
            return fromAttribute;
        }

        return OptionalValue(input) is { } v ? Ints(Constant(input, attribute), attribute) : null;
    }

    private void Set(int output, OnnxValue value)
    {
        if (output < _node.Outputs.Count && _node.Outputs[output].Length > 0)
        {
            _values[_node.Outputs[output]] = value;
        }
    }

    /// <summary>Records a new layer as output 0, checking the tensor is not empty (an empty activation has no memory to plan).</summary>
    private void SetLayer(int layer, long[] dims, int output = 0)
    {
        foreach (var d in dims)
        {
            if (d <= 0)
            {
                throw Invalid($"produces the empty tensor {OnnxShapes.Format(dims)}");
            }
        }

        Set(output, OnnxValue.Activation(layer, dims));
    }

    private int ToInt(long value, string what) =>
        value is >= 0 and <= int.MaxValue ? (int)value : throw Invalid($"{what} {value} is out of range");

    private long[] Attribute(string name, int count, long fallback)
    {
        var values = _node.Ints(name);
        if (values is null)
        {
            return Enumerable.Repeat(fallback, count).ToArray();
        }

        return values.Length == count ? values : throw Invalid($"attribute '{name}' has {values.Length} values, expected {count}");
    }

    private FitCheckException Invalid(FormattableString reason) =>
        new(DiagnosticCatalog.OnnxInvalidNode(_file, Name, _node.OpType, FormattableString.Invariant(reason)));

    private FitCheckException ShapeError(FormattableString reason) =>
        new(DiagnosticCatalog.ShapeError(_b.Name, Name, FormattableString.Invariant(reason)));
}
