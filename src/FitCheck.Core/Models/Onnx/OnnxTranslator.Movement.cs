using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Pad, Tile, Expand, the Gather/Scatter family and DepthToSpace: data copies (folded when the input is a constant).</summary>
internal sealed partial class OnnxTranslator
{
    private void Pad()
    {
        var x = Value(0);
        var pads = _graph.OpsetVersion is > 0 and < 11 ? _node.Ints("pads") : IntsFromAttributeOrInput("pads", 1);
        if (pads is null)
        {
            throw Invalid($"the pads are missing");
        }

        var axes = OptionalValue(3) is not null ? Ints(Constant(3, "axes"), "axes") : [.. Enumerable.Range(0, x.Rank).Select(i => (long)i)];
        if (pads.Length != 2 * axes.Length)
        {
            throw Invalid($"{pads.Length} pads for {axes.Length} axes (expected begin and end for each)");
        }

        var mode = _node.String("mode") ?? "constant";
        if (mode is not ("constant" or "reflect" or "edge" or "wrap"))
        {
            throw Invalid($"mode '{mode}' is not one of constant, reflect, edge, wrap");
        }

        var dims = (long[])x.Dims.Clone();
        for (var i = 0; i < axes.Length; i++)
        {
            var axis = OnnxShapes.Axis(axes[i], x.Rank) ?? throw Invalid($"axis {axes[i]} is out of range");
            dims[axis] = checked(dims[axis] + pads[i] + pads[axes.Length + i]);
            if (dims[axis] < 0 || (mode == "reflect" && (pads[i] >= x.Dims[axis] || pads[axes.Length + i] >= x.Dims[axis])))
            {
                throw ShapeError($"pads {OnnxShapes.Format(pads)} ({mode}) do not fit {OnnxShapes.Format(x.Dims)}");
            }
        }

        if (x.IsConstant)
        {
            long[]? values = null;
            if (x.Rank == 1 && mode == "constant" && x.IntValues is { } v && pads[0] >= 0 && pads[1] >= 0 && OnnxFold.SmallCount(dims) >= 0)
            {
                var fill = OptionalValue(2) is { } c && c.IntValues is [var f] ? f : 0;
                values = [.. Enumerable.Repeat(fill, (int)pads[0]), .. v, .. Enumerable.Repeat(fill, (int)pads[1])];
            }

            Set(0, OnnxValue.Constant(dims, x.DataType, values, null, x.Generated));
            return;
        }

        SetLayer(_b.Custom(LayerKind.Copy, "pad", [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
    }

    private void Tile()
    {
        var x = Value(0);
        var repeats = Ints(Constant(1, "repeats"), "repeats");
        if (repeats.Length != x.Rank || repeats.Any(r => r < 0))
        {
            throw Invalid($"repeats {OnnxShapes.Format(repeats)} do not match the rank of {OnnxShapes.Format(x.Dims)}");
        }

        var dims = x.Dims.Select((d, i) => checked(d * repeats[i])).ToArray();
        if (x.IsConstant)
        {
            var values = x.Rank == 1 && x.IntValues is { } v && OnnxFold.SmallCount(dims) >= 0
                ? Enumerable.Range(0, (int)dims[0]).Select(i => v[i % v.Length]).ToArray()
                : null;
            Set(0, OnnxValue.Constant(dims, x.DataType, values, null, x.Generated));
            return;
        }

        SetLayer(_b.Custom(LayerKind.Copy, "tile", [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
    }

    private void Expand()
    {
        var x = Value(0);
        var shape = Ints(Constant(1, "shape"), "shape");
        var dims = OnnxShapes.Broadcast(x.Dims, shape)
            ?? throw ShapeError($"cannot expand {OnnxShapes.Format(x.Dims)} to {OnnxShapes.Format(shape)}");
        if (x.IsConstant)
        {
            Set(0, x.IsInteger
                ? OnnxValue.Constant(dims, x.DataType, OnnxFold.Ints(dims, [x], a => a[0]), null, x.Generated)
                : OnnxValue.Constant(dims, x.DataType, null, OnnxFold.Floats(dims, [x], a => a[0]), x.Generated));
            return;
        }

        SetLayer(_b.Custom(LayerKind.Copy, "expand", [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
    }

    /// <summary>
    /// Gather on shapes folds (Shape → Gather); on a constant table with computed indices it is an embedding
    /// lookup and the table is weights; on computed data (x[:, 0]) it is a copy.
    /// </summary>
    private void Gather()
    {
        var data = Value(0);
        var indices = Value(1);
        if (data.Rank == 0)
        {
            throw Invalid($"cannot gather from a scalar");
        }

        var axis = OnnxShapes.Axis(_node.Int("axis", 0), data.Rank) ?? throw Invalid($"axis {_node.Int("axis", 0)} is out of range");
        long[] dims = [.. data.Dims[..axis], .. indices.Dims, .. data.Dims[(axis + 1)..]];
        if (data.IsConstant && indices.IsConstant)
        {
            long[]? picked = null;
            if (data.Rank == 1 && data.IntValues is { } values && indices.IntValues is { } index)
            {
                picked = new long[index.Length];
                for (var i = 0; i < index.Length; i++)
                {
                    var j = index[i] < 0 ? index[i] + values.Length : index[i];
                    picked[i] = j >= 0 && j < values.Length ? values[j] : throw Invalid($"index {index[i]} is out of range for {values.Length} values");
                }
            }

            Set(0, OnnxValue.Constant(dims, data.DataType, picked, null, data.Generated));
            return;
        }

        if (indices.IsConstant && indices.IntValues is { } constantIndex)
        {
            foreach (var i in constantIndex)
            {
                if (i < -data.Dims[axis] || i >= data.Dims[axis])
                {
                    throw ShapeError($"index {i} is out of range for axis {axis} of {OnnxShapes.Format(data.Dims)}");
                }
            }
        }

        if (data.IsConstant)
        {
            // An embedding table: stored with the model, read one row per index.
            SetLayer(_b.Custom(LayerKind.Copy, "embedding", [indices.Layer], OnnxShapes.ToShape(dims), weights: StoredElements(0), name: Name), dims);
            return;
        }

        int[] inputs = indices.IsConstant ? [data.Layer] : [data.Layer, indices.Layer];
        SetLayer(_b.Custom(LayerKind.Copy, "gather", inputs, OnnxShapes.ToShape(dims), name: Name), dims);
    }

    private void GatherElements()
    {
        var data = Value(0);
        var indices = Value(1);
        if (indices.Rank != data.Rank)
        {
            throw ShapeError($"indices {OnnxShapes.Format(indices.Dims)} and data {OnnxShapes.Format(data.Dims)} differ in rank");
        }

        CopyOf([data, indices], indices.Dims, "gather", 0);
    }

    private void GatherNd()
    {
        var data = Value(0);
        var indices = Value(1);
        var batch = (int)_node.Int("batch_dims", 0);
        var depth = indices.Rank > 0 ? indices.Dims[^1] : 0;
        if (indices.Rank < 1 || batch < 0 || batch + depth > data.Rank)
        {
            throw ShapeError($"indices {OnnxShapes.Format(indices.Dims)} do not index data {OnnxShapes.Format(data.Dims)} with batch_dims {batch}");
        }

        long[] dims = [.. indices.Dims[..^1], .. data.Dims[(batch + (int)depth)..]];
        CopyOf([data, indices], dims, "gather", 0);
    }

    /// <summary>ScatterND / ScatterElements: the data with some entries replaced; a constant data or updates operand is stored.</summary>
    private void Scatter() => CopyOf([Value(0), Value(1), Value(2)], Value(0).Dims, "scatter", StoredElements(0) + StoredElements(2));

    private void CopyOf(OnnxValue[] inputs, long[] dims, string kernel, long stored)
    {
        if (inputs.All(v => v.IsConstant))
        {
            Set(0, OnnxValue.Constant(dims, inputs[0].DataType, null, null, inputs[0].Generated));
            return;
        }

        var layers = inputs.Where(v => !v.IsConstant).Select(v => v.Layer).ToArray();
        SetLayer(_b.Custom(LayerKind.Copy, kernel, layers, OnnxShapes.ToShape(dims), weights: stored, name: Name), dims);
    }

    private void DepthToSpace(bool toSpace)
    {
        var x = Tensor(0);
        var block = _node.Int("blocksize", 0);
        if (x.Rank != 4 || block <= 0)
        {
            throw Invalid($"needs an N x C x H x W input and a positive blocksize (got {OnnxShapes.Format(x.Dims)}, {block})");
        }

        var square = checked(block * block);
        long[] dims = toSpace
            ? [x.Dims[0], x.Dims[1] / square, checked(x.Dims[2] * block), checked(x.Dims[3] * block)]
            : [x.Dims[0], checked(x.Dims[1] * square), x.Dims[2] / block, x.Dims[3] / block];
        if ((toSpace && x.Dims[1] % square != 0) || (!toSpace && (x.Dims[2] % block != 0 || x.Dims[3] % block != 0)))
        {
            throw ShapeError($"blocksize {block} does not divide {OnnxShapes.Format(x.Dims)}");
        }

        SetLayer(_b.Custom(LayerKind.Copy, toSpace ? "depthtospace" : "spacetodepth", [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
    }
}
