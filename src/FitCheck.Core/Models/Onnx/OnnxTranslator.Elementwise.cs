using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Binary arithmetic with broadcasting, activation functions, quantisation and pass-through nodes.</summary>
internal sealed partial class OnnxTranslator
{
    private void Binary(string op)
    {
        var a = Value(0);
        var c = Value(1);
        var dims = OnnxShapes.Broadcast(a.Dims, c.Dims)
            ?? throw ShapeError($"cannot combine shapes {OnnxShapes.Format(a.Dims)} and {OnnxShapes.Format(c.Dims)}");
        if (a.IsConstant && c.IsConstant)
        {
            Set(0, OnnxValue.Constant(dims, a.DataType, FoldInts(op, a.IntValues, c.IntValues)));
            return;
        }

        var additive = op is "Add" or "Sub";
        var kind = additive ? LayerKind.Add : LayerKind.Mul;
        var kernel = op.ToLowerInvariant();
        int layer;
        if (!a.IsConstant && !c.IsConstant)
        {
            layer = _b.Custom(kind, kernel, [a.Layer, c.Layer], OnnxShapes.ToShape(dims), name: Name);
        }
        else
        {
            // The constant operand is stored with the model: a bias for Add/Sub, a scale for Mul/Div.
            var operand = a.IsConstant ? c : a;
            var constant = a.IsConstant ? a : c;
            layer = _b.Custom(kind, kernel, [operand.Layer], OnnxShapes.ToShape(dims),
                weights: additive ? 0 : constant.Elements, biases: additive ? constant.Elements : 0, name: Name);
        }

        SetLayer(layer, dims);
    }

    /// <summary>Shape arithmetic (e.g. batch * 4 in a Reshape target) on small integer constants.</summary>
    private static long[]? FoldInts(string op, long[]? a, long[]? b)
    {
        if (a is null || b is null || (a.Length != b.Length && a.Length != 1 && b.Length != 1))
        {
            return null;
        }

        var n = Math.Max(a.Length, b.Length);
        var result = new long[n];
        for (var i = 0; i < n; i++)
        {
            var x = a[a.Length == 1 ? 0 : i];
            var y = b[b.Length == 1 ? 0 : i];
            if (op == "Div" && y == 0)
            {
                return null;
            }

            result[i] = op switch
            {
                "Add" => checked(x + y),
                "Sub" => checked(x - y),
                "Mul" => checked(x * y),
                _ => x / y,
            };
        }

        return result;
    }

    private void Unary(string function)
    {
        var x = Tensor(0);
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
        if (OptionalValue(1) is not null)
        {
            min = Constant(1, "min").FloatValues is [var v] ? v : null;
        }

        if (OptionalValue(2) is not null)
        {
            max = Constant(2, "max").FloatValues is [var v] ? v : null;
        }

        var function = min == 0 && max == 6 ? "relu6" : "clip";
        SetLayer(_b.Activation(x.Layer, function, Name), x.Dims);
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
            Set(0, OnnxValue.Constant(x.Dims, type));
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
            ? OnnxValue.Constant(x.Dims, to, null, x.FloatValues)
            : OnnxValue.Constant(x.Dims, to, x.Floats is { } f && f.All(v => Math.Abs(v) < 9e18) ? x.IntValues : x.Ints));
    }
}
