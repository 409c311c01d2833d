using System.Buffers.Binary;
using FitCheck.Graph;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

/// <summary>
/// One case per registry row: a small graph using the operator, the shape of the last layer it leads to,
/// and (where the operator owns weights or MACs) the hand-counted parameters and MACs. A test checks that
/// the cases and the registry name the same operators, so a new row cannot land without a case.
/// </summary>
public sealed class OnnxRegistryTests : IDisposable
{
    private const string Ms = "com.microsoft:";
    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A case: the graph (its output is "y"), the shape of the network's last layer, and optional counts.</summary>
    internal sealed record Case(Func<OnnxWriter> Graph, TensorShape Last, long? Parameters = null, long? Macs = null);

    /// <summary>x is 1 x 4 x 6 x 6 at the 6x6 resolution every image case is built at.</summary>
    private static OnnxWriter Img() => new OnnxWriter().Input("x", "N", 4L, "H", "W");

    private static OnnxWriter Unary(string op, params OnnxAttr[] a) => Img().Node(op, ["x"], ["y"], "op", a).Output("y", "N", 4L, "H", "W");

    private static OnnxWriter Binary(string op) =>
        Img().Initializer("c", [4, 1, 1]).Node(op, ["x", "c"], ["y"], "op").Output("y", "N", 4L, "H", "W");

    private static OnnxWriter Flat() => Img().Node("Flatten", ["x"], ["f"], "flatten");

    private static OnnxWriter Scalar(OnnxWriter w, string name, long value)
    {
        var raw = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(raw, value);
        return w.Initializer(name, [], OnnxWriter.Int64, raw);
    }

    private static readonly TensorShape Same = new(1, 4, 6, 6);

    internal static readonly Dictionary<string, Case> Cases = Build();

    private static Dictionary<string, Case> Build()
    {
        var c = new Dictionary<string, Case>(StringComparer.Ordinal);
        foreach (var op in new[]
        {
            "Relu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Elu", "Selu", "Celu", "ThresholdedRelu", "Softplus", "Softsign", "Mish",
            "Gelu", "Erf", "Exp", "Log", "Sqrt", "Neg", "Abs", "Reciprocal", "Floor", "Ceil", "Round", "Sign", "Sin", "Cos", "Not", "IsNaN",
            "IsInf", "Shrink", "LeakyRelu", "Clip", "Softmax", "LogSoftmax", "Hardmax", "Trilu",
            "Identity", "Dropout",
        })
        {
            c[op] = new(() => Unary(op), Same, 0, 0);
        }

        foreach (var op in new[] { "Gelu", "FastGelu", "QuickGelu" })
        {
            c["com.microsoft." + op] = new(() => Unary(Ms + op), Same, 0, 0);
        }

        c["LRN"] = new(() => Unary("LRN", OnnxAttr.Int("size", 3)), Same, 0, 144);
        c["LpNormalization"] = new(() => Unary("LpNormalization"), Same, 0, 144);
        c["MeanVarianceNormalization"] = new(() => Unary("MeanVarianceNormalization"), Same, 0, 144);
        c["CumSum"] = new(() => Img().Int64s("axis", 1).Node("CumSum", ["x", "axis"], ["y"], "op").Output("y", "N", 4L, "H", "W"), Same);
        foreach (var op in new[] { "Add", "Sub", "Mul", "Div", "Pow", "Mod", "Max", "Min", "Sum", "Mean", "Equal", "Less", "Greater",
            "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor", "BitShift", "PRelu" })
        {
            c[op] = new(() => Binary(op), Same, 4, 0);
        }

        c["Where"] = new(() => Img().Initializer("m", [1, 1, 6]).Initializer("c", [4, 1, 1])
            .Node("Where", ["m", "x", "c"], ["y"], "op").Output("y", "N", 4L, "H", "W"), Same, 10, 0);
        foreach (var op in new[] { "QLinearAdd", "QLinearMul" })
        {
            c["com.microsoft." + op] = new(() => Img().Floats("s", 1f).Initializer("z", [], OnnxWriter.UInt8).Initializer("c", [4, 1, 1], OnnxWriter.UInt8)
                .Node(Ms + op, ["x", "s", "z", "c", "s", "z", "s", "z"], ["y"], "op").Output("y", "N", 4L, "H", "W"), Same, 4, 0);
        }

        // Convolutions: 8 filters 3x3 over 4 channels, pad 1: 8*4*9 + 8 = 296 parameters, 36 * 8 * 36 = 10368 MACs.
        OnnxWriter Conv(string op, string[] inputs, bool int8 = false) => Img().Initializer("w", [8, 4, 3, 3], int8 ? OnnxWriter.Int8 : OnnxWriter.Float)
            .Initializer("b", [8], int8 ? OnnxWriter.Int32 : OnnxWriter.Float).Floats("s", 1f).Initializer("z", [], OnnxWriter.UInt8)
            .Node(op, inputs, ["y"], "op", OnnxAttr.Ints("pads", 1, 1, 1, 1)).Output("y", "N", 8L, "H", "W");
        c["Conv"] = new(() => Conv("Conv", ["x", "w", "b"]), new(1, 8, 6, 6), 296, 10368);
        c["com.microsoft.FusedConv"] = new(() => Conv(Ms + "FusedConv", ["x", "w", "b"]), new(1, 8, 6, 6), 296, 10368);
        c["QLinearConv"] = new(() => Conv("QLinearConv", ["x", "s", "z", "w", "s", "z", "s", "z", "b"], true), new(1, 8, 6, 6), 296, 10368);
        c["ConvInteger"] = new(() => Conv("ConvInteger", ["x", "w"], true), new(1, 8, 6, 6), 288, 10368);
        c["ConvTranspose"] = new(() => Img().Initializer("w", [4, 2, 2, 2]).Node("ConvTranspose", ["x", "w"], ["y"], "op", OnnxAttr.Ints("strides", 2, 2))
            .Output("y", "N", 2L, "H2", "W2"), new(1, 2, 12, 12), 32, 144 * 2 * 4);

        // Dense: 144 features to 10.
        c["Gemm"] = new(() => Flat().Initializer("w", [10, 144]).Initializer("b", [10]).Node("Gemm", ["f", "w", "b"], ["y"], "op", OnnxAttr.Int("transB", 1))
            .Output("y", "N", 10L), new(1, 10, 1, 1), 1450, 1440);
        foreach (var op in new[] { "MatMul", "MatMulInteger", Ms + "MatMulIntegerToFloat", Ms + "DynamicQuantizeMatMul" })
        {
            c[op.Replace(":", ".", StringComparison.Ordinal)] = new(() => Flat().Initializer("w", [144, 10]).Node(op, ["f", "w"], ["y"], "op").Output("y", "N", 10L),
                new(1, 10, 1, 1), 1440, 1440);
        }

        c["QLinearMatMul"] = new(() => Flat().Floats("s", 1f).Initializer("z", [], OnnxWriter.UInt8).Initializer("w", [144, 10], OnnxWriter.UInt8)
            .Node("QLinearMatMul", ["f", "s", "z", "w", "s", "z", "s", "z"], ["y"], "op").Output("y", "N", 10L), new(1, 10, 1, 1), 1440, 1440);
        c["Einsum"] = new(() => Img().Initializer("k", [5, 4]).Node("Einsum", ["x", "k"], ["y"], "op", OnnxAttr.String("equation", "nchw,kc->nkhw"))
            .Output("y", "N", 5L, "H", "W"), new(1, 5, 6, 6), 20, 720);

        // Recurrent, batch-first (layout 1): 5 steps of 8 features, hidden 16, one direction.
        Case Rnn(string op, int gates) => new(() => new OnnxWriter().Input("x", "N", 5L, 8L)
            .Initializer("W", [1, gates * 16, 8]).Initializer("R", [1, gates * 16, 16]).Initializer("B", [1, 2 * gates * 16])
            .Node(op, ["x", "W", "R", "B"], ["y", "h"], "op", OnnxAttr.Int("hidden_size", 16), OnnxAttr.Int("layout", 1))
            .Output("h", "N", 1L, 16L), new(1, 1, 16, 1), gates * ((16 * 8) + (16 * 16) + 32), 5L * gates * 16 * 24);
        c["LSTM"] = Rnn("LSTM", 4);
        c["GRU"] = Rnn("GRU", 3);
        c["RNN"] = Rnn("RNN", 1);

        c["BatchNormalization"] = new(() => Img().Initializer("s", [4]).Initializer("b", [4]).Initializer("m", [4]).Initializer("v", [4])
            .Node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"], "op").Output("y", "N", 4L, "H", "W"), Same, 8, 144);
        c["LayerNormalization"] = new(() => Img().Initializer("s", [6]).Initializer("b", [6])
            .Node("LayerNormalization", ["x", "s", "b"], ["y"], "op").Output("y", "N", 4L, "H", "W"), Same, 12, 144);
        c["GroupNormalization"] = new(() => Img().Initializer("s", [4]).Initializer("b", [4])
            .Node("GroupNormalization", ["x", "s", "b"], ["y"], "op", OnnxAttr.Int("num_groups", 2)).Output("y", "N", 4L, "H", "W"), Same, 8, 144);
        c["InstanceNormalization"] = new(() => Img().Initializer("s", [4]).Initializer("b", [4])
            .Node("InstanceNormalization", ["x", "s", "b"], ["y"], "op").Output("y", "N", 4L, "H", "W"), Same, 8, 144);

        var pooled = new TensorShape(1, 4, 3, 3);
        foreach (var op in new[] { "MaxPool", "AveragePool", "LpPool" })
        {
            c[op] = new(() => Unary(op, OnnxAttr.Ints("kernel_shape", 2, 2), OnnxAttr.Ints("strides", 2, 2)), pooled, 0, 0);
        }

        c["com.microsoft.QLinearAveragePool"] = new(() => Img().Floats("s", 1f).Initializer("z", [], OnnxWriter.UInt8)
            .Node(Ms + "QLinearAveragePool", ["x", "s", "z", "s", "z"], ["y"], "op", OnnxAttr.Ints("kernel_shape", 2, 2), OnnxAttr.Ints("strides", 2, 2))
            .Output("y", "N", 4L, 3L, 3L), pooled, 0, 0);
        var global = new TensorShape(1, 4, 1, 1);
        foreach (var op in new[] { "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" })
        {
            c[op] = new(() => Unary(op), global, 0, 0);
        }

        c["com.microsoft.QLinearGlobalAveragePool"] = new(() => Img().Floats("s", 1f).Initializer("z", [], OnnxWriter.UInt8)
            .Node(Ms + "QLinearGlobalAveragePool", ["x", "s", "z", "s", "z"], ["y"], "op").Output("y", "N", 4L, 1L, 1L), global, 0, 0);
        foreach (var op in new[] { "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare" })
        {
            c[op] = new(() => Unary(op, OnnxAttr.Ints("axes", 2, 3)), global, 0, 0);
        }

        c["ReduceSum"] = new(() => Img().Int64s("axes", 2, 3).Node("ReduceSum", ["x", "axes"], ["y"], "op").Output("y", "N", 4L, 1L, 1L), global, 0, 0);
        c["ArgMax"] = new(() => Unary("ArgMax", OnnxAttr.Int("axis", 1), OnnxAttr.Int("keepdims", 0)), new(1, 6, 6, 1));
        c["ArgMin"] = new(() => Unary("ArgMin", OnnxAttr.Int("axis", 1), OnnxAttr.Int("keepdims", 0)), new(1, 6, 6, 1));
        c["TopK"] = new(() => Img().Int64s("k", 3).Node("TopK", ["x", "k"], ["y"], "op").Output("y", "N", 4L, "H", 3L), new(1, 4, 6, 3));

        c["Concat"] = new(() => Img().Node("Concat", ["x", "x"], ["y"], "op", OnnxAttr.Int("axis", 1)).Output("y", "N", 8L, "H", "W"), new(1, 8, 6, 6));
        c["Split"] = new(() => Img().Int64s("s", 1, 3).Node("Split", ["x", "s"], ["a", "y"], "op", OnnxAttr.Int("axis", 1)).Output("y", "N", 3L, "H", "W"), new(1, 3, 6, 6));
        c["Slice"] = new(() => Img().Int64s("s", 0).Int64s("e", 2).Int64s("a", 1).Node("Slice", ["x", "s", "e", "a"], ["y"], "op").Output("y", "N", 2L, "H", "W"), new(1, 2, 6, 6));
        c["Resize"] = new(() => Img().Floats("sc", 1, 1, 2, 2).Node("Resize", ["x", "", "sc"], ["y"], "op").Output("y", "N", 4L, "H", "W"), new(1, 4, 12, 12));
        c["Upsample"] = new(() => new OnnxWriter { Opset = 9 }.Input("x", "N", 4L, "H", "W").Floats("sc", 1, 1, 2, 2)
            .Node("Upsample", ["x", "sc"], ["y"], "op").Output("y", "N", 4L, "H", "W"), new(1, 4, 12, 12));
        c["Reshape"] = new(() => Img().Int64s("s", 1, -1).Node("Reshape", ["x", "s"], ["y"], "op").Output("y", 1L, 144L), new(1, 144, 1, 1));
        c["Flatten"] = new(() => Flat().Node("Relu", ["f"], ["y"], "op").Output("y", "N", 144L), new(1, 144, 1, 1));
        c["Squeeze"] = new(() => Img().Node("GlobalAveragePool", ["x"], ["g"], "gap").Int64s("a", 2, 3).Node("Squeeze", ["g", "a"], ["y"], "op").Output("y", "N", 4L), global);
        c["Unsqueeze"] = new(() => Img().Int64s("a", 0).Node("Unsqueeze", ["x", "a"], ["y"], "op").Output("y", 1L, "N", 4L, "H", "W"), new(1, 1, 4, 36));
        c["Transpose"] = new(() => Unary("Transpose", OnnxAttr.Ints("perm", 0, 2, 3, 1)), new(1, 6, 6, 4));
        c["Pad"] = new(() => Img().Int64s("p", 0, 0, 1, 1, 0, 0, 1, 1).Node("Pad", ["x", "p"], ["y"], "op", OnnxAttr.String("mode", "reflect"))
            .Output("y", "N", 4L, "H", "W"), new(1, 4, 8, 8));
        c["Tile"] = new(() => Img().Int64s("r", 1, 2, 1, 1).Node("Tile", ["x", "r"], ["y"], "op").Output("y", "N", 8L, "H", "W"), new(1, 8, 6, 6));
        c["Expand"] = new(() => Img().Int64s("s", 2, 1, 1, 1).Node("Expand", ["x", "s"], ["y"], "op").Output("y", 2L, 4L, "H", "W"), new(2, 4, 6, 6));
        c["Gather"] = new(() => Scalar(Img(), "i", 0).Node("Gather", ["x", "i"], ["y"], "op", OnnxAttr.Int("axis", 1)).Output("y", "N", "H", "W"), new(1, 6, 6, 1));
        c["GatherElements"] = new(() => Img().Initializer("i", [1, 4, 6, 3], OnnxWriter.Int64).Node("GatherElements", ["x", "i"], ["y"], "op", OnnxAttr.Int("axis", 3))
            .Output("y", "N", 4L, "H", 3L), new(1, 4, 6, 3));
        c["GatherND"] = new(() => Img().Initializer("i", [2, 1], OnnxWriter.Int64).Node("GatherND", ["x", "i"], ["y"], "op").Output("y", 2L, 4L, "H", "W"), new(2, 4, 6, 6));
        c["ScatterND"] = new(() => Img().Initializer("i", [1, 1], OnnxWriter.Int64).Initializer("u", [1, 4, 6, 6])
            .Node("ScatterND", ["x", "i", "u"], ["y"], "op").Output("y", "N", 4L, "H", "W"), Same, 144, 0);
        c["ScatterElements"] = new(() => Img().Initializer("i", [1, 4, 6, 6], OnnxWriter.Int64).Initializer("u", [1, 4, 6, 6])
            .Node("ScatterElements", ["x", "i", "u"], ["y"], "op").Output("y", "N", 4L, "H", "W"), Same, 144, 0);
        c["DepthToSpace"] = new(() => Unary("DepthToSpace", OnnxAttr.Int("blocksize", 2)), new(1, 1, 12, 12));
        c["SpaceToDepth"] = new(() => Unary("SpaceToDepth", OnnxAttr.Int("blocksize", 2)), new(1, 16, 3, 3));

        // Shape arithmetic folds into the Reshape target (or an operand) that a layer then shows.
        c["Constant"] = new(() => Img().Node("Constant", [], ["s"], "op", OnnxAttr.Ints("value_ints", 1, -1))
            .Node("Reshape", ["x", "s"], ["y"], "reshape").Output("y", 1L, 144L), new(1, 144, 1, 1));
        c["Shape"] = new(() => Scalar(Img(), "zero", 0).Int64s("axes", 0).Int64s("rest", -1)
            .Node("Shape", ["x"], ["s"], "op").Node("Gather", ["s", "zero"], ["n"], "g").Node("Unsqueeze", ["n", "axes"], ["n1"], "u")
            .Node("Concat", ["n1", "rest"], ["t"], "c", OnnxAttr.Int("axis", 0)).Node("Reshape", ["x", "t"], ["y"], "reshape").Output("y", "N", 144L),
            new(1, 144, 1, 1));
        c["Size"] = new(() => Img().Int64s("axes", 0).Node("Size", ["x"], ["n"], "op").Node("Unsqueeze", ["n", "axes"], ["t"], "u")
            .Node("Reshape", ["x", "t"], ["y"], "reshape").Output("y", 144L), new(1, 144, 1, 1));
        c["Cast"] = new(() => Img().Node("Shape", ["x"], ["s"], "shape").Node("Cast", ["s"], ["f"], "op", OnnxAttr.Int("to", 1))
            .Node("Cast", ["f"], ["t"], "back", OnnxAttr.Int("to", 7)).Node("Reshape", ["x", "t"], ["y"], "reshape").Output("y", "N", 4L, "H", "W"), Same);
        c["CastLike"] = new(() => Img().Int64s("like", 0).Node("Shape", ["x"], ["s"], "shape").Node("CastLike", ["s", "like"], ["t"], "op")
            .Node("Reshape", ["x", "t"], ["y"], "reshape").Output("y", "N", 4L, "H", "W"), Same);
        c["ConstantOfShape"] = new(() => Img().Node("Shape", ["x"], ["s"], "shape").Node("ConstantOfShape", ["s"], ["z"], "op")
            .Node("Add", ["x", "z"], ["y"], "add").Output("y", "N", 4L, "H", "W"), Same, 0, 0);
        c["Range"] = new(() => Scalar(Scalar(Scalar(Img(), "a", 0), "b", 144), "d", 1).Node("Range", ["a", "b", "d"], ["r"], "op")
            .Node("Shape", ["r"], ["t"], "shape").Node("Reshape", ["x", "t"], ["y"], "reshape").Output("y", 144L), new(1, 144, 1, 1));

        c["QuantizeLinear"] = new(() => Img().Floats("s", 1f).Initializer("z", [], OnnxWriter.UInt8).Node("QuantizeLinear", ["x", "s", "z"], ["q"], "op")
            .Node("Relu", ["q"], ["y"], "relu").Output("y", "N", 4L, "H", "W"), Same, 0, 0);
        c["DequantizeLinear"] = new(() => Img().Floats("s", 1f).Initializer("z", [], OnnxWriter.UInt8).Node("DequantizeLinear", ["x", "s", "z"], ["q"], "op")
            .Node("Relu", ["q"], ["y"], "relu").Output("y", "N", 4L, "H", "W"), Same, 0, 0);
        c["DynamicQuantizeLinear"] = new(() => Img().Initializer("w", [8, 4, 1, 1], OnnxWriter.Int8)
            .Node("DynamicQuantizeLinear", ["x"], ["q", "qs", "qz"], "op").Node("ConvInteger", ["q", "w", "qz"], ["c"], "conv")
            .Node("Cast", ["c"], ["cf"], "cast", OnnxAttr.Int("to", 1)).Node("Mul", ["cf", "qs"], ["y"], "scale").Output("y", "N", 8L, "H", "W"),
            new(1, 8, 6, 6), 32, 36 * 8 * 4);

        // Control flow: a condition folded from shapes, a loop of three 1x1 convolutions, a scan over 4 rows.
        c["If"] = new(() =>
        {
            var then = new OnnxWriter().Node("Relu", ["x"], ["t"], "then.relu").Output("t", "N", 4L, "H", "W").GraphBytes();
            var other = new OnnxWriter().Initializer("w2", [4, 4, 1, 1]).Node("Conv", ["x", "w2"], ["e"], "else.conv").Output("e", "N", 4L, "H", "W").GraphBytes();
            return Scalar(Scalar(Img(), "one", 1), "four", 4).Node("Shape", ["x"], ["s"], "shape").Node("Gather", ["s", "one"], ["ch"], "g")
                .Node("Equal", ["ch", "four"], ["cond"], "eq").Node("If", ["cond"], ["y"], "op", OnnxAttr.Graph("then_branch", then), OnnxAttr.Graph("else_branch", other))
                .Output("y", "N", 4L, "H", "W");
        }, Same, 0, 0);
        c["Loop"] = new(() =>
        {
            var body = new OnnxWriter().Input("i").TypedInput("cin", 9).Input("v", "N", 4L, "H", "W").Initializer("w", [4, 4, 1, 1])
                .Node("Identity", ["cin"], ["cout"], "keep").Node("Conv", ["v", "w"], ["vout"], "body.conv")
                .Output("cout").Output("vout", "N", 4L, "H", "W").GraphBytes();
            return Scalar(Img(), "m", 3).Node("Loop", ["m", "", "x"], ["y"], "op", OnnxAttr.Graph("body", body)).Output("y", "N", 4L, "H", "W");
        }, Same, 16, 3 * 36 * 16);
        c["Scan"] = new(() =>
        {
            var body = new OnnxWriter().Input("row", "N", 6L).Initializer("k", [6, 3]).Node("MatMul", ["row", "k"], ["o"], "body.mm").Output("o", "N", 3L).GraphBytes();
            return new OnnxWriter().Input("x", "N", 4L, 6L).Node("Scan", ["x"], ["y"], "op", OnnxAttr.Int("num_scan_inputs", 1), OnnxAttr.Ints("scan_input_axes", 1),
                OnnxAttr.Graph("body", body)).Output("y", 4L, "N", 3L);
        }, new(4, 1, 3, 1), 18, 4 * 18);
        c["NonMaxSuppression"] = new(() => Img().Int64s("bs", 1, -1, 4).Int64s("ss", 1, 1, -1).Int64s("max", 10).Int64s("axes", 1)
            .Node("Transpose", ["x"], ["t"], "t", OnnxAttr.Ints("perm", 0, 2, 3, 1)).Node("Reshape", ["t", "bs"], ["boxes"], "boxes")
            .Node("ReduceMean", ["x"], ["m"], "m", OnnxAttr.Ints("axes", 1)).Node("Reshape", ["m", "ss"], ["scores"], "scores")
            .Node("NonMaxSuppression", ["boxes", "scores", "max"], ["y"], "op").Output("y", "K", 3L), new(10, 3, 1, 1));
        return c;
    }

    public static TheoryData<string> Operators() => [.. Cases.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryRegistryRowHasACaseAndEveryCaseARow()
    {
        var rows = OnnxOperators.All.Select(o => o.QualifiedName).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(rows.Except(Cases.Keys));
        Assert.Empty(Cases.Keys.Except(rows));
        Assert.Equal(rows.Count, OnnxOperators.All.Count);
    }

    [Theory]
    [MemberData(nameof(Operators))]
    public void TheOperatorImportsWithItsHandCountedShapeAndCost(string op)
    {
        var c = Cases[op];
        var net = _files.Load(op + ".onnx", c.Graph()).Build(new Resolution(6, 6), 1);
        Assert.Equal(c.Last, net.Layers[^1].Output);
        if (c.Parameters is { } p)
        {
            Assert.Equal(p, net.Parameters);
        }

        if (c.Macs is { } m)
        {
            Assert.Equal(m, net.Macs);
        }
    }

    [Theory]
    [InlineData("Conv", "", true)]
    [InlineData("ReduceMean", "ai.onnx", true)]
    [InlineData("QLinearAdd", "com.microsoft", true)]
    [InlineData("QLinearAdd", "", false)]
    [InlineData("Attention", "com.microsoft", false)]
    public void IsSupportedAnswersFromTheRegistry(string op, string domain, bool expected) =>
        Assert.Equal(expected, OnnxOperators.IsSupported(op, domain));

    [Fact]
    public void TheReadmeOperatorTableIsTheRegistrys()
    {
        var readme = File.ReadAllText(Path.Combine(FitCheck.Tests.Cli.CliRunner.RepoRoot, "README.md")).ReplaceLineEndings("\n");
        const string begin = "<!-- onnx-operators:begin -->\n", end = "<!-- onnx-operators:end -->";
        var start = readme.IndexOf(begin, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no generated operator table");
        var table = readme[(start + begin.Length)..readme.IndexOf(end, start, StringComparison.Ordinal)];
        Assert.Equal(OnnxOperators.MarkdownTable(), table);
        foreach (var op in OnnxOperators.All)
        {
            Assert.Contains($"`{op.QualifiedName}`", table);
        }
    }
}
