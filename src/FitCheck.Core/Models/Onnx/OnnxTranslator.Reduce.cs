using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Reductions (ReduceMean in every exported LayerNorm, ReduceMax, ...), ArgMax/ArgMin and TopK.</summary>
internal sealed partial class OnnxTranslator
{
    private void Reduce(string op)
    {
        var x = Value(0);
        var keep = _node.Int("keepdims", 1) != 0;

        // Axes moved from attribute to input in opset 18 (13 for ReduceSum); no axes means all, unless noop_with_empty_axes.
        var axes = IntsFromAttributeOrInput("axes", 1);
        if (axes is { Length: 0 } || axes is null)
        {
            if (_node.Int("noop_with_empty_axes", 0) != 0)
            {
                Set(0, x);
                return;
            }

            axes = [.. Enumerable.Range(0, x.Rank).Select(i => (long)i)];
        }

        var reduced = new HashSet<int>();
        foreach (var a in axes)
        {
            reduced.Add(OnnxShapes.Axis(a, x.Rank) ?? throw Invalid($"axis {a} is out of range for {OnnxShapes.Format(x.Dims)}"));
        }

        var dims = ReducedDims(x.Dims, reduced, keep);
        if (x.IsConstant)
        {
            // Shape arithmetic: ReduceProd of a shape vector is an element count.
            long[]? values = null;
            if (x.Rank == 1 && x.IntValues is { } v && v.Length == x.Dims[0])
            {
                values = op switch
                {
                    "ReduceProd" => [v.Aggregate(1L, (p, e) => checked(p * e))],
                    "ReduceSum" => [v.Aggregate(0L, (p, e) => checked(p + e))],
                    "ReduceMax" when v.Length > 0 => [v.Max()],
                    "ReduceMin" when v.Length > 0 => [v.Min()],
                    _ => null,
                };
            }

            Set(0, OnnxValue.Constant(dims, x.DataType, values, null, x.Generated));
            return;
        }

        SetLayer(_b.Custom(LayerKind.GlobalAvgPool, op.ToLowerInvariant(), [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
    }

    private void ArgReduce()
    {
        var x = Tensor(0);
        var axis = OnnxShapes.Axis(_node.Int("axis", 0), x.Rank) ?? throw Invalid($"axis {_node.Int("axis", 0)} is out of range");
        var dims = ReducedDims(x.Dims, [axis], _node.Int("keepdims", 1) != 0);
        SetLayer(_b.Custom(LayerKind.GlobalAvgPool, _node.OpType.ToLowerInvariant(), [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
    }

    private void TopK()
    {
        var x = Tensor(0);
        var axis = OnnxShapes.Axis(_node.Int("axis", -1), x.Rank) ?? throw Invalid($"axis {_node.Int("axis", -1)} is out of range");
        var k = _node.Input(1) is null ? _node.Int("k", -1) : Ints(Constant(1, "K"), "K") is [var kv] ? kv : -1;
        if (k < 0 || k > x.Dims[axis])
        {
            throw Invalid($"K = {k} must be a constant from 0 to {x.Dims[axis]} (the size of axis {axis})");
        }

        var dims = (long[])x.Dims.Clone();
        dims[axis] = k;
        SetLayer(_b.Custom(LayerKind.Copy, "topk", [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
        if (_node.Outputs.Count > 1)
        {
            SetLayer(_b.Custom(LayerKind.Copy, "topk-indices", [x.Layer], OnnxShapes.ToShape(dims), name: Name + ":indices"), dims, 1);
        }
    }

    private static long[] ReducedDims(long[] dims, ICollection<int> axes, bool keep)
    {
        var result = new List<long>(dims.Length);
        for (var i = 0; i < dims.Length; i++)
        {
            if (!axes.Contains(i))
            {
                result.Add(dims[i]);
            }
            else if (keep)
            {
                result.Add(1);
            }
        }

        return [.. result];
    }
}
