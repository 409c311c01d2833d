using FitCheck.Graph;
using F = FitCheck.Models.Onnx.OnnxOperatorFamily;

namespace FitCheck.Models.Onnx;

/// <summary>
/// The operator registry: one row per operator, in one place. Adding an operator is one row here, one
/// method in the partial file of its family, and one test case (a test checks every row has one).
/// </summary>
internal sealed partial class OnnxTranslator
{
    private const string Ms = "com.microsoft";
    private const string Stored = "no MACs; a constant operand is stored with the model (counted once)";
    private const string Act = "elementwise function, in place, no MACs; folded on constants";
    private const string Reduces = "reduces the given axes (keepdims), no MACs; folded on constants";
    private const string Moves = "copies or re-views data, no MACs";
    private const string Folded = "folded at build time into constants (shape arithmetic), no layer";

    internal static readonly OnnxOperator[] Registry =
    [
        Row("Conv", F.Convolution, t => t.Conv(0, 1, 2), "1-D, 2-D and 3-D; MACs = output elements x C_in/group x kernel; batch norm after it is folded"),
        Row("ConvInteger", F.Convolution, t => t.Conv(0, 1, -1), "as Conv, on uint8/int8 (onnxruntime dynamic quantization)"),
        Row("QLinearConv", F.Convolution, t => t.Conv(0, 3, 8), "as Conv, quantized operands"),
        Row(Ms, "FusedConv", F.Convolution, t => t.Conv(0, 1, 2), "as Conv (onnxruntime's fused activation)"),
        Row("ConvTranspose", F.Convolution, t => t.ConvTranspose(), "MACs = input elements x C_out/group x kernel"),
        Row("Gemm", F.Dense, t => t.Gemm(), "any transA/transB; a constant B is a fully connected layer"),
        Row("MatMul", F.Dense, t => t.MatMul(0, 1), "numpy matmul with batch broadcasting; a constant operand is weights"),
        Row("MatMulInteger", F.Dense, t => t.MatMul(0, 1), "as MatMul, on uint8/int8"),
        Row("QLinearMatMul", F.Dense, t => t.MatMul(0, 3), "as MatMul, quantized operands"),
        Row(Ms, "MatMulIntegerToFloat", F.Dense, t => t.MatMul(0, 1), "as MatMul, on uint8/int8"),
        Row(Ms, "DynamicQuantizeMatMul", F.Dense, t => t.MatMul(0, 1), "as MatMul, on uint8/int8"),
        Row("Einsum", F.Dense, t => t.Einsum(), "one or two operands; MACs = product of every index's size for a product"),
        Row("LSTM", F.Recurrent, t => t.Recurrent(4), "MACs = steps x batch x directions x 4 x hidden x (input + hidden); W, R, B, P are weights"),
        Row("GRU", F.Recurrent, t => t.Recurrent(3), "MACs = steps x batch x directions x 3 x hidden x (input + hidden); W, R, B are weights"),
        Row("RNN", F.Recurrent, t => t.Recurrent(1), "MACs = steps x batch x directions x hidden x (input + hidden); W, R, B are weights"),
        .. Names(F.Elementwise, Stored, t => t.Elementwise(t._node.OpType),
            "Add", "Sub", "Mul", "Div", "Pow", "Mod", "Max", "Min", "Sum", "Mean", "Where", "Equal", "Less", "Greater",
            "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor", "BitShift"),
        Row(Ms, "QLinearAdd", F.Elementwise, t => t.QLinearBinary("Add"), Stored),
        Row(Ms, "QLinearMul", F.Elementwise, t => t.QLinearBinary("Mul"), Stored),
        Row("PRelu", F.Activation, t => t.PRelu(), "elementwise; the slope is stored with the model"),
        Row("Clip", F.Activation, t => t.Clip(), "elementwise, in place; Clip(0, 6) is ReLU6"),
        .. Unaries(),
        Row("Softmax", F.Activation, t => t.Same(LayerKind.Softmax, "softmax"), "one pass over its input, no MACs"),
        Row("LogSoftmax", F.Activation, t => t.Same(LayerKind.Softmax, "softmax"), "one pass over its input, no MACs"),
        Row("Hardmax", F.Activation, t => t.Same(LayerKind.Softmax, "hardmax"), "one pass over its input, no MACs"),
        Row("CumSum", F.Activation, t => t.Same(LayerKind.Copy, "cumsum"), "one pass over its input, no MACs"),
        Row("Trilu", F.Activation, t => t.Same(LayerKind.Copy, "trilu"), "one pass over its input, no MACs"),
        Row("BatchNormalization", F.Normalization, t => t.BatchNorm(), "folded into a preceding convolution (its bias); elsewhere C scales + C shifts, 1 MAC per element"),
        Row("LayerNormalization", F.Normalization, t => t.Normalization("layernorm", 1, 2), "scale and bias are weights; 1 MAC per element"),
        Row("GroupNormalization", F.Normalization, t => t.Normalization("groupnorm", 1, 2), "scale and bias are weights; 1 MAC per element"),
        Row("InstanceNormalization", F.Normalization, t => t.Normalization("instancenorm", 1, 2), "scale and bias are weights; 1 MAC per element"),
        Row("LpNormalization", F.Normalization, t => t.Normalization("lpnorm", -1, -1), "no weights; 1 MAC per element"),
        Row("MeanVarianceNormalization", F.Normalization, t => t.Normalization("mvn", -1, -1), "no weights; 1 MAC per element"),
        Row("LRN", F.Normalization, t => t.Normalization("lrn", -1, -1), "no weights; 1 MAC per element"),
        Row("MaxPool", F.Pooling, t => t.Pool(LayerKind.MaxPool, "maxpool"), "1-D, 2-D and 3-D windows, ceil_mode and auto_pad; no MACs"),
        Row("AveragePool", F.Pooling, t => t.Pool(LayerKind.AvgPool, "avgpool"), "1-D, 2-D and 3-D windows, ceil_mode and auto_pad; no MACs"),
        Row("LpPool", F.Pooling, t => t.Pool(LayerKind.AvgPool, "lppool"), "1-D, 2-D and 3-D windows; no MACs"),
        Row(Ms, "QLinearAveragePool", F.Pooling, t => t.Pool(LayerKind.AvgPool, "avgpool"), "as AveragePool, quantized"),
        Row("GlobalAveragePool", F.Pooling, t => t.GlobalPool(false), "every spatial axis to 1; no MACs"),
        Row("GlobalMaxPool", F.Pooling, t => t.GlobalPool(true), "every spatial axis to 1; no MACs"),
        Row("GlobalLpPool", F.Pooling, t => t.GlobalPool(false), "every spatial axis to 1; no MACs"),
        Row(Ms, "QLinearGlobalAveragePool", F.Pooling, t => t.GlobalPool(false), "as GlobalAveragePool, quantized"),
        .. Names(F.Reduction, Reduces, t => t.Reduce(t._node.OpType),
            "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum",
            "ReduceLogSumExp", "ReduceSumSquare"),
        Row("ArgMax", F.Reduction, t => t.ArgReduce(), "reduces one axis to indices, no MACs"),
        Row("ArgMin", F.Reduction, t => t.ArgReduce(), "reduces one axis to indices, no MACs"),
        Row("TopK", F.Reduction, t => t.TopK(), "K values and indices along one axis (K must be constant), no MACs"),
        Row("Concat", F.DataMovement, t => t.Concat(), "planned as a copy; a constant input (class token) is weights; folded on constants"),
        Row("Split", F.DataMovement, t => t.Split(), Moves),
        Row("Slice", F.DataMovement, t => t.Slice(), Moves + "; folded on constants"),
        Row("Resize", F.DataMovement, t => t.Resize(false), "scales or sizes (constant or folded from Shape), no MACs"),
        Row("Upsample", F.DataMovement, t => t.Resize(true), "scales, no MACs"),
        Row("Reshape", F.DataMovement, t => t.Reshape(), "a view (no copy); the target may come from folded shape arithmetic"),
        Row("Flatten", F.DataMovement, t => t.Flatten(), "a view"),
        Row("Squeeze", F.DataMovement, t => t.Squeeze(), "a view"),
        Row("Unsqueeze", F.DataMovement, t => t.Unsqueeze(), "a view"),
        Row("Identity", F.DataMovement, t => t.Alias(), "another name for its input"),
        Row("Dropout", F.DataMovement, t => t.Alias(), "inference: another name for its input"),
        Row("Transpose", F.DataMovement, t => t.Transpose(), Moves),
        Row("Pad", F.DataMovement, t => t.Pad(), "constant, reflect, edge and wrap modes; pads from attribute or input; " + Moves),
        Row("Tile", F.DataMovement, t => t.Tile(), Moves + "; folded on constants"),
        Row("Expand", F.DataMovement, t => t.Expand(), Moves + "; folded on constants"),
        Row("Gather", F.DataMovement, t => t.Gather(), "a constant table (embedding) is weights; gathers on data are copies; folded on shapes"),
        Row("GatherElements", F.DataMovement, t => t.GatherElements(), Moves),
        Row("GatherND", F.DataMovement, t => t.GatherNd(), Moves),
        Row("ScatterND", F.DataMovement, t => t.Scatter(), Moves),
        Row("ScatterElements", F.DataMovement, t => t.Scatter(), Moves),
        Row("DepthToSpace", F.DataMovement, t => t.DepthToSpace(true), Moves),
        Row("SpaceToDepth", F.DataMovement, t => t.DepthToSpace(false), Moves),
        Row("Constant", F.ShapeArithmetic, t => t.ConstantNode(), "a constant; its elements count once when an operator uses them as data"),
        Row("Shape", F.ShapeArithmetic, t => t.Shape(), Folded),
        Row("Size", F.ShapeArithmetic, t => t.Size(), Folded),
        Row("Cast", F.ShapeArithmetic, t => t.Cast(), Folded + " (a view on computed data)"),
        Row("CastLike", F.ShapeArithmetic, t => t.Cast(), Folded + " (a view on computed data)"),
        Row("ConstantOfShape", F.ShapeArithmetic, t => t.ConstantOfShape(), Folded + "; generated, so never counted as weights"),
        Row("Range", F.ShapeArithmetic, t => t.Range(), Folded + "; generated, so never counted as weights"),
        Row("QuantizeLinear", F.Quantization, t => t.Quantize(true), "a view (element type change); keeps constants constant"),
        Row("DequantizeLinear", F.Quantization, t => t.Quantize(false), "a view (element type change); keeps constants constant"),
        Row("DynamicQuantizeLinear", F.Quantization, t => t.DynamicQuantize(), "a view plus a scalar scale and zero point"),
        Row("If", F.Control, t => t.If(), "a condition that folds takes its branch; otherwise the costlier branch is counted"),
        Row("Loop", F.Control, t => t.Loop(), "the body once, MACs x the constant trip count"),
        Row("Scan", F.Control, t => t.Scan(), "the body once, MACs x the scanned axis length"),
        Row("NonMaxSuppression", F.PostProcessing, t => t.NonMaxSuppression(), "output bounded by max_output_boxes_per_class x batch x classes; no MACs"),
    ];

    /// <summary>Elementwise functions a runtime applies in place: (name, kernel FitCheck reports, fold on constants).</summary>
    private static IEnumerable<OnnxOperator> Unaries()
    {
        (string Op, string Kernel, Func<double, double>? Fold)[] functions =
        [
            ("Relu", "relu", x => Math.Max(0, x)), ("LeakyRelu", "leaky", null), ("Sigmoid", "sigmoid", x => 1 / (1 + Math.Exp(-x))),
            ("HardSigmoid", "hardsigmoid", null), ("HardSwish", "hardswish", null), ("Tanh", "tanh", Math.Tanh), ("Elu", "elu", null),
            ("Selu", "selu", null), ("Celu", "celu", null), ("ThresholdedRelu", "thresholdedrelu", null), ("Softplus", "softplus", null),
            ("Softsign", "softsign", null), ("Mish", "mish", null), ("Gelu", "gelu", null), ("Erf", "erf", null), ("Exp", "exp", Math.Exp),
            ("Log", "log", Math.Log), ("Sqrt", "sqrt", Math.Sqrt), ("Neg", "neg", x => -x), ("Abs", "abs", Math.Abs),
            ("Reciprocal", "reciprocal", x => 1 / x), ("Floor", "floor", Math.Floor), ("Ceil", "ceil", Math.Ceiling),
            ("Round", "round", x => Math.Round(x, MidpointRounding.ToEven)), ("Sign", "sign", x => Math.Sign(x)), ("Sin", "sin", Math.Sin),
            ("Cos", "cos", Math.Cos), ("Not", "not", x => x == 0 ? 1 : 0), ("IsNaN", "isnan", x => double.IsNaN(x) ? 1 : 0),
            ("IsInf", "isinf", x => double.IsInfinity(x) ? 1 : 0), ("Shrink", "shrink", null),
        ];
        foreach (var (op, kernel, fold) in functions)
        {
            yield return Row(op, F.Activation, t => t.Unary(kernel, fold), Act);
        }

        foreach (var (op, kernel) in new[] { ("Gelu", "gelu"), ("FastGelu", "gelu"), ("QuickGelu", "gelu") })
        {
            yield return Row(Ms, op, F.Activation, t => t.Unary(kernel, null), Act);
        }
    }

    private static OnnxOperator Row(string name, F family, Action<OnnxTranslator> translate, string notes) =>
        new("", name, family, notes, translate);

    private static OnnxOperator Row(string domain, string name, F family, Action<OnnxTranslator> translate, string notes) =>
        new(domain, name, family, notes, translate);

    private static IEnumerable<OnnxOperator> Names(F family, string notes, Action<OnnxTranslator> translate, params string[] names) =>
        names.Select(n => Row(n, family, translate, notes));
}
