using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>
/// Constant nodes and the shape arithmetic PyTorch exports emit (Shape → Gather → Unsqueeze → Concat →
/// Reshape): folded at build time, because the input size is known then.
/// </summary>
internal sealed partial class OnnxTranslator
{
    private void ConstantNode()
    {
        if (_node.Attribute("value") is { T: { } t })
        {
            Set(0, OnnxValue.FromTensor(t));
        }
        else if (_node.Attribute("value_int") is { } i)
        {
            Set(0, OnnxValue.Constant([], OnnxDataType.Int64, [i.I]));
        }
        else if (_node.Attribute("value_ints") is { } ints)
        {
            Set(0, OnnxValue.Constant([ints.Ints.Count], OnnxDataType.Int64, [.. ints.Ints]));
        }
        else if (_node.Attribute("value_float") is { } f)
        {
            Set(0, OnnxValue.Constant([], OnnxDataType.Float, null, [f.F]));
        }
        else if (_node.Attribute("value_floats") is { } floats)
        {
            Set(0, OnnxValue.Constant([floats.Floats.Count], OnnxDataType.Float, null, [.. floats.Floats.Select(x => (double)x)]));
        }
        else
        {
            throw Invalid($"has no value FitCheck can read (value, value_int(s) or value_float(s))");
        }
    }

    private void Shape()
    {
        var x = Value(0);
        // start and end count from the back when negative and are clamped to [0, rank], as Slice's bounds are.
        var start = ClampToRank(_node.Int("start", 0), x.Rank);
        var end = ClampToRank(_node.Int("end", x.Rank), x.Rank);
        var dims = end > start ? x.Dims[start..end] : [];
        Set(0, OnnxValue.Constant([dims.Length], OnnxDataType.Int64, dims, null, generated: true));
    }

    private static int ClampToRank(long bound, int rank) => (int)Math.Clamp(bound < 0 ? bound + rank : bound, 0, rank);

    private void Size() => Set(0, OnnxValue.Constant([], OnnxDataType.Int64, [Value(0).Elements], null, generated: true));

    private void ConstantOfShape()
    {
        var shape = Ints(Constant(0, "shape"), "shape");
        if (shape.Length > OnnxReader.MaxDims || shape.Any(d => d < 0))
        {
            throw Invalid($"shape {OnnxShapes.Format(shape)} is not a valid shape");
        }

        var fill = _node.Attribute("value")?.T;
        var type = fill?.DataType ?? OnnxDataType.Float;
        var count = OnnxFold.SmallCount(shape);
        _ = OnnxShapes.Product(shape, 0, shape.Length);
        if (count < 0)
        {
            Set(0, OnnxValue.Constant(shape, type, generated: true));
        }
        else if (OnnxDataType.IsInteger(type))
        {
            var v = fill?.Ints is [var i] ? i : 0;
            Set(0, OnnxValue.Constant(shape, type, Enumerable.Repeat(v, (int)count).ToArray(), null, generated: true));
        }
        else
        {
            var v = fill?.Floats is [var f] ? f : 0;
            Set(0, OnnxValue.Constant(shape, type, null, Enumerable.Repeat(v, (int)count).ToArray(), generated: true));
        }
    }

    private void Range()
    {
        var start = Constant(0, "start");
        var limit = Constant(1, "limit");
        var delta = Constant(2, "delta");
        if (start.IsInteger && start.IntValues is [var s0] && limit.IntValues is [var l0] && delta.IntValues is [var d0])
        {
            if (d0 == 0)
            {
                throw Invalid($"delta is 0");
            }

            var n = d0 > 0 ? Math.Max(0, OnnxShapes.CeilDiv(checked(l0 - s0), d0)) : Math.Max(0, OnnxShapes.CeilDiv(checked(s0 - l0), -d0));
            var values = n <= OnnxFold.MaxElements ? Enumerable.Range(0, (int)n).Select(i => checked(s0 + (i * d0))).ToArray() : null;
            Set(0, OnnxValue.Constant([n], start.DataType, values, null, generated: true));
            return;
        }

        if (start.FloatValues is [var s] && limit.FloatValues is [var l] && delta.FloatValues is [var d] && d != 0)
        {
            var count = Math.Max(0, Math.Ceiling((l - s) / d));
            if (count > long.MaxValue / 2)
            {
                throw Invalid($"has {count} elements");
            }

            var n = (long)count;
            var values = n <= OnnxFold.MaxElements ? Enumerable.Range(0, (int)n).Select(i => s + (i * d)).ToArray() : null;
            Set(0, OnnxValue.Constant([n], start.DataType, null, values, generated: true));
            return;
        }

        throw Invalid($"start, limit and delta must fold to scalar constants");
    }

    /// <summary>
    /// onnxruntime's dynamic quantization: y is x as uint8 (a view), y_scale and y_zero_point are scalars the
    /// runtime computes per frame; FitCheck keeps them as generated constants, so no weights are counted for them.
    /// </summary>
    private void DynamicQuantize()
    {
        var x = Tensor(0);
        SetLayer(_b.Custom(LayerKind.View, "quantize", [x.Layer], OnnxShapes.ToShape(x.Dims), name: Name), x.Dims);
        Set(1, OnnxValue.Constant([], OnnxDataType.Float, generated: true));
        Set(2, OnnxValue.Constant([], OnnxDataType.UInt8, generated: true));
    }
}
