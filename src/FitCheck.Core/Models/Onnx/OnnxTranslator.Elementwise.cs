using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Elementwise arithmetic and logic with broadcasting, activation functions, quantisation and pass-through nodes.</summary>
internal sealed partial class OnnxTranslator
{
    /// <summary>
    /// Elementwise operators with numpy broadcasting, binary (Add, Pow, Equal, ...) and variadic (Sum, Max, Mean).
    /// On constants they fold (shape arithmetic); otherwise a constant operand is stored with the model: a bias
    /// for Add/Sub, a weight for the others.
    /// </summary>
    private void Elementwise(string op, int[]? operands = null)
    {
        var present = operands ?? Enumerable.Range(0, _node.Inputs.Count).Where(i => _node.Input(i) is not null).ToArray();
        if (present.Length == 0)
        {
            throw Invalid($"has no inputs");
        }

        var inputs = present.Select(Value).ToArray();
        var dims = inputs[0].Dims;
        foreach (var v in inputs.Skip(1))
        {
            dims = OnnxShapes.Broadcast(dims, v.Dims)
                ?? throw ShapeError($"cannot combine shapes {string.Join(" and ", inputs.Select(i => OnnxShapes.Format(i.Dims)))}");
        }

        var logical = op is "Equal" or "Less" or "Greater" or "LessOrEqual" or "GreaterOrEqual" or "And" or "Or" or "Xor";
        if (inputs.All(v => v.IsConstant))
        {
            var data = op == "Where" ? inputs[1] : inputs[0];
            var type = logical ? OnnxDataType.Bool : data.DataType;
            var generated = inputs.All(v => v.Generated);
            var integers = op == "Where" ? inputs[1].IsInteger && inputs[2].IsInteger : inputs.All(v => v.IsInteger);
            if (integers || logical)
            {
                var ints = integers ? OnnxFold.Ints(dims, inputs, a => FoldInt(op, a)) : null;
                ints ??= logical ? OnnxFold.Floats(dims, inputs, a => FoldFloat(op, a))?.Select(f => (long)f).ToArray() : null;
                Set(0, OnnxValue.Constant(dims, type, ints, null, generated));
            }
            else
            {
                Set(0, OnnxValue.Constant(dims, type, null, OnnxFold.Floats(dims, inputs, a => FoldFloat(op, a)), generated));
            }

            return;
        }

        var additive = op is "Add" or "Sub" or "Sum" or "Mean";
        var kind = additive ? LayerKind.Add : LayerKind.Mul;
        var layers = inputs.Where(v => !v.IsConstant).Select(v => v.Layer).ToArray();
        long stored = 0;
        for (var i = 0; i < present.Length; i++)
        {
            if (inputs[i].IsConstant)
            {
                stored = checked(stored + StoredElements(present[i]));
            }
        }

        var layer = _b.Custom(kind, op.ToLowerInvariant(), layers, OnnxShapes.ToShape(dims),
            weights: additive ? 0 : stored, biases: additive ? stored : 0, name: Name);
        SetLayer(layer, dims);
    }

    /// <summary>onnxruntime's QLinearAdd/QLinearMul: A, A_scale, A_zero, B, B_scale, B_zero, C_scale, C_zero.</summary>
    private void QLinearBinary(string op) => Elementwise(op, [0, 3]);

    /// <summary>
    /// Elements of a constant operand that the model stores: an initializer or Constant node counted the first
    /// time an operator reads it (one tensor shared by twelve layer norms is stored once); nothing for constants
    /// the graph generates (ConstantOfShape, Range, folded shapes), nor for int32/int64/bool constants: indices,
    /// shapes and thresholds, not weights.
    /// </summary>
    private long StoredElements(int input)
    {
        var v = Value(input);
        if (!v.IsConstant || v.Generated || OnnxDataType.WeightPrecision(v.DataType) is null)
        {
            return 0;
        }

        return _counted.Add(_node.Inputs[input]) ? v.Elements : 0;
    }

    /// <summary>Integer semantics as onnxruntime's: Div truncates toward zero, Mod follows the divisor's sign (fmod=0).</summary>
    private long FoldInt(string op, long[] a) => op switch
    {
        "Add" => checked(a[0] + a[1]),
        "Sub" => checked(a[0] - a[1]),
        "Mul" => checked(a[0] * a[1]),
        "Div" => a[1] == 0 ? throw Invalid($"divides {a[0]} by zero") : a[0] / a[1],
        "Mod" => a[1] == 0 ? throw Invalid($"takes {a[0]} modulo zero")
            : _node.Int("fmod", 0) != 0 ? a[0] % a[1] : ((a[0] % a[1]) + a[1]) % a[1],
        "Pow" => a[1] < 0 ? 0 : IntPow(a[0], a[1]),
        "Max" => a.Max(),
        "Min" => a.Min(),
        "Sum" => a.Aggregate(0L, (x, y) => checked(x + y)),
        "Mean" => a.Aggregate(0L, (x, y) => checked(x + y)) / a.Length,
        "Equal" => a[0] == a[1] ? 1 : 0,
        "Less" => a[0] < a[1] ? 1 : 0,
        "Greater" => a[0] > a[1] ? 1 : 0,
        "LessOrEqual" => a[0] <= a[1] ? 1 : 0,
        "GreaterOrEqual" => a[0] >= a[1] ? 1 : 0,
        "And" => a[0] != 0 && a[1] != 0 ? 1 : 0,
        "Or" => a[0] != 0 || a[1] != 0 ? 1 : 0,
        "Xor" => (a[0] != 0) != (a[1] != 0) ? 1 : 0,
        "Where" => a[0] != 0 ? a[1] : a[2],
        "BitShift" => _node.String("direction") == "LEFT" ? a[0] << (int)Math.Clamp(a[1], 0, 63) : a[0] >> (int)Math.Clamp(a[1], 0, 63),
        _ => throw Invalid($"cannot fold {op} on integers"),
    };

    private static long IntPow(long x, long n) => x switch
    {
        0 => n == 0 ? 1 : 0,
        1 => 1,
        -1 => n % 2 == 0 ? 1 : -1,
        _ => Enumerable.Range(0, (int)Math.Min(n, 64)).Aggregate(1L, (r, _) => checked(r * x)),
    };

    private static double FoldFloat(string op, double[] a) => op switch
    {
        "Add" => a[0] + a[1],
        "Sub" => a[0] - a[1],
        "Mul" => a[0] * a[1],
        "Div" => a[0] / a[1],
        "Mod" => Math.IEEERemainder(a[0], a[1]),
        "Pow" => Math.Pow(a[0], a[1]),
        "Max" => a.Max(),
        "Min" => a.Min(),
        "Sum" => a.Sum(),
        "Mean" => a.Average(),
        "Equal" => a[0] == a[1] ? 1 : 0,
        "Less" => a[0] < a[1] ? 1 : 0,
        "Greater" => a[0] > a[1] ? 1 : 0,
        "LessOrEqual" => a[0] <= a[1] ? 1 : 0,
        "GreaterOrEqual" => a[0] >= a[1] ? 1 : 0,
        "And" => a[0] != 0 && a[1] != 0 ? 1 : 0,
        "Or" => a[0] != 0 || a[1] != 0 ? 1 : 0,
        "Xor" => (a[0] != 0) != (a[1] != 0) ? 1 : 0,
        "Where" => a[0] != 0 ? a[1] : a[2],
        _ => double.NaN,
    };

    private void Unary(string function, Func<double, double>? fold)
    {
        var x = Value(0);
        if (x.IsConstant)
        {
            // Shape arithmetic: Sqrt(Cast(Shape(x)[-1])) scales attention; Not/Neg/Abs on shape vectors.
            var floats = fold is null ? null : OnnxFold.Floats(x.Dims, [x], a => fold(a[0]));
            Set(0, x.IsInteger
                ? OnnxValue.Constant(x.Dims, x.DataType, floats?.Select(f => (long)f).ToArray(), null, x.Generated)
                : OnnxValue.Constant(x.Dims, x.DataType, null, floats, x.Generated));
            return;
        }

        SetLayer(_b.Activation(x.Layer, function, Name), x.Dims);
    }

    private void PRelu()
    {
        var x = Tensor(0);
        var slope = Constant(1, "slope");
        SetLayer(_b.Custom(LayerKind.Activation, "prelu", [x.Layer], OnnxShapes.ToShape(x.Dims), weights: slope.Elements, name: Name), x.Dims);
    }

    /// <summary>Clip(0, 6) is ReLU6, the MobileNet activation; other bounds are a generic clip.</summary>
    private void Clip()
    {
        var x = Tensor(0);
        double? min = _node.Attribute("min")?.F;
        double? max = _node.Attribute("max")?.F;
        var bounds = new List<int>();
        foreach (var (i, isMin) in new[] { (1, true), (2, false) })
        {
            if (OptionalValue(i) is not { } v)
            {
                continue;
            }

            if (!v.IsConstant)
            {
                // A bound computed by the graph (log-mel's max - 80 dB) is read like a second operand.
                bounds.Add(v.Layer);
                continue;
            }

            var value = v.FloatValues is [var f] ? f : (double?)null;
            (min, max) = isMin ? (value, max) : (min, value);
        }

        var function = min == 0 && max == 6 && bounds.Count == 0 ? "relu6" : "clip";
        SetLayer(bounds.Count == 0
            ? _b.Activation(x.Layer, function, Name)
            : _b.Custom(LayerKind.Activation, function, [x.Layer, .. bounds], OnnxShapes.ToShape(x.Dims), name: Name), x.Dims);
    }

    private void Same(LayerKind kind, string kernel)
    {
        var x = Tensor(0);
        SetLayer(_b.Custom(kind, kernel, [x.Layer], OnnxShapes.ToShape(x.Dims), name: Name), x.Dims);
    }

    /// <summary>
    /// Quantize/dequantize change the element type, not the data layout: views. On a constant (QDQ models
    /// store int8 weights behind a DequantizeLinear) the result stays a constant, so the consuming
    /// convolution still sees its weights.
    /// </summary>
    private void Quantize(bool quantize)
    {
        var x = Value(0);
        if (x.IsConstant)
        {
            var type = quantize ? OptionalValue(2)?.DataType ?? OnnxDataType.UInt8 : OnnxDataType.Float;
            Set(0, OnnxValue.Constant(x.Dims, type, null, null, x.Generated));
            return;
        }

        var kernel = quantize ? "quantize" : "dequantize";
        SetLayer(_b.Custom(LayerKind.View, kernel, [x.Layer], OnnxShapes.ToShape(x.Dims), name: Name), x.Dims);
    }

    private void Alias() => Set(0, Value(0));

    private void Cast()
    {
        var x = Value(0);
        if (!x.IsConstant)
        {
            Set(0, x);
            return;
        }

        var to = (int)_node.Int("to", x.DataType);
        var isFloat = to is OnnxDataType.Float or OnnxDataType.Double or OnnxDataType.Float16 or OnnxDataType.BFloat16;
        Set(0, isFloat
            ? OnnxValue.Constant(x.Dims, to, null, x.FloatValues, x.Generated)
            : OnnxValue.Constant(x.Dims, to, x.Floats is { } f && f.All(v => Math.Abs(v) < 9e18) ? x.Floats.Select(Math.Truncate).Select(v => (long)v).ToArray() : x.Ints, null, x.Generated));
    }
}
