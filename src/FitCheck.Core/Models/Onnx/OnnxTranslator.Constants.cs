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
        Set(0, OnnxValue.Constant([dims.Length], OnnxDataType.Int64, dims));
    }

    private static int ClampToRank(long bound, int rank) => (int)Math.Clamp(bound < 0 ? bound + rank : bound, 0, rank);

    private void Gather()
    {
        var data = Value(0);
        var indices = Value(1);
        if (!data.IsConstant || !indices.IsConstant || data.Rank != 1 || data.IntValues is not { } values || indices.IntValues is not { } index)
        {
            throw Invalid($"only gathers from constant 1-D shapes are supported (shape arithmetic)");
        }

        var picked = new long[index.Length];
        for (var i = 0; i < index.Length; i++)
        {
            var j = index[i] < 0 ? index[i] + values.Length : index[i];
            picked[i] = j >= 0 && j < values.Length ? values[j] : throw Invalid($"index {index[i]} is out of range");
        }

        Set(0, OnnxValue.Constant(indices.Dims, data.DataType, picked));
    }
}
