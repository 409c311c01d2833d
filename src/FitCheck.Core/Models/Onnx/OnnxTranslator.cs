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

    public static Network Translate(OnnxGraph graph, string file, string name, string inputName, long[] inputDims) =>
        Run(graph, file, name, inputName, inputDims)._b.Build();

    /// <summary>
    /// The ONNX dims inferred for each graph output (null where an output has no value), so that shape inference
    /// can be checked against reference outputs such as the ONNX backend node tests.
    /// </summary>
    public static IReadOnlyList<long[]?> OutputDims(OnnxGraph graph, string file, string name, string inputName, long[] inputDims)
    {
        var t = Run(graph, file, name, inputName, inputDims);
        return [.. graph.Outputs.Select(o => t._values.TryGetValue(o.Name, out var v) ? v.Dims : null)];
    }

    private static OnnxTranslator Run(OnnxGraph graph, string file, string name, string inputName, long[] inputDims)
    {
        var shape = OnnxShapes.ToShape(inputDims);
        var builder = new NetworkBuilder(name, shape.N, shape.C, shape.H, shape.W);
        var t = new OnnxTranslator(graph, file, builder);
        foreach (var (key, tensor) in graph.Initializers)
        {
            t._values[key] = OnnxValue.FromTensor(tensor);
        }

        t._values[inputName] = OnnxValue.Activation(builder.Input, inputDims);
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
        if (_node.Domain is not ("" or "ai.onnx") || !TryTranslate(_node.OpType))
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxUnsupportedOperator(_file, Name, _node.OpType, _node.Domain,
                Suggest.Closest(_node.OpType, SupportedOperators)));
        }
    }

    private bool TryTranslate(string op)
    {
        switch (op)
        {
            case "Conv":
                Conv(0, 1, 2);
                return true;
            case "QLinearConv":
                Conv(0, 3, 8);
                return true;
            case "ConvInteger":
                Conv(0, 1, -1);
                return true;
            case "ConvTranspose":
                ConvTranspose();
                return true;
            case "BatchNormalization":
                BatchNorm();
                return true;
            case "Gemm":
                Gemm();
                return true;
            case "MatMul":
            case "MatMulInteger":
                MatMul(0, 1);
                return true;
            case "QLinearMatMul":
                MatMul(0, 3);
                return true;
            case "Add":
            case "Sub":
            case "Mul":
            case "Div":
                Binary(op);
                return true;
            case "PRelu":
                PRelu();
                return true;
            case "Clip":
                Clip();
                return true;
            case "MaxPool":
            case "AveragePool":
                Pool(op == "MaxPool");
                return true;
            case "GlobalAveragePool":
            case "GlobalMaxPool":
                GlobalPool(op == "GlobalMaxPool");
                return true;
            case "Concat":
                Concat();
                return true;
            case "Split":
                Split();
                return true;
            case "Slice":
                Slice();
                return true;
            case "Resize":
            case "Upsample":
                Resize(op == "Upsample");
                return true;
            case "Reshape":
                Reshape();
                return true;
            case "Flatten":
                Flatten();
                return true;
            case "Squeeze":
                Squeeze();
                return true;
            case "Unsqueeze":
                Unsqueeze();
                return true;
            case "Transpose":
                Transpose();
                return true;
            case "Softmax":
            case "LogSoftmax":
                Same(LayerKind.Softmax, "softmax");
                return true;
            case "QuantizeLinear":
            case "DequantizeLinear":
                Quantize(op == "QuantizeLinear");
                return true;
            case "Identity":
            case "Dropout":
                Alias();
                return true;
            case "Cast":
                Cast();
                return true;
            case "Constant":
                ConstantNode();
                return true;
            case "Shape":
                Shape();
                return true;
            case "Gather":
                Gather();
                return true;
            default:
                if (UnaryFunctions.TryGetValue(op, out var function))
                {
                    Unary(function);
                    return true;
                }

                return false;
        }
    }

    /// <summary>Elementwise functions a runtime applies in place; the value is the kernel name FitCheck reports.</summary>
    private static readonly Dictionary<string, string> UnaryFunctions = new(StringComparer.Ordinal)
    {
        ["Relu"] = "relu",
        ["LeakyRelu"] = "leaky",
        ["Sigmoid"] = "sigmoid",
        ["HardSigmoid"] = "hardsigmoid",
        ["HardSwish"] = "hardswish",
        ["Tanh"] = "tanh",
        ["Elu"] = "elu",
        ["Selu"] = "selu",
        ["Softplus"] = "softplus",
        ["Mish"] = "mish",
        ["Gelu"] = "gelu",
        ["Erf"] = "erf",
        ["Exp"] = "exp",
        ["Log"] = "log",
        ["Sqrt"] = "sqrt",
        ["Neg"] = "neg",
        ["Abs"] = "abs",
        ["Reciprocal"] = "reciprocal",
    };

    public static IReadOnlyList<string> SupportedOperators { get; } =
    [
        "Conv", "QLinearConv", "ConvInteger", "ConvTranspose", "BatchNormalization", "Gemm", "MatMul", "MatMulInteger",
        "QLinearMatMul", "Add", "Sub", "Mul", "Div", "PRelu", "Clip", "MaxPool", "AveragePool", "GlobalAveragePool",
        "GlobalMaxPool", "Concat", "Split", "Slice", "Resize", "Upsample", "Reshape", "Flatten", "Squeeze", "Unsqueeze",
        "Transpose", "Softmax", "LogSoftmax", "QuantizeLinear", "DequantizeLinear", "Identity", "Dropout", "Cast",
        "Constant", "Shape", "Gather", .. UnaryFunctions.Keys,
    ];

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
