using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Operators that move or re-view data: concat, split, slice, resize, reshape family, transpose.</summary>
internal sealed partial class OnnxTranslator
{
    private void Concat()
    {
        var inputs = Enumerable.Range(0, _node.Inputs.Count).Where(i => _node.Input(i) is not null).Select(Value).ToArray();
        if (inputs.Length == 0)
        {
            throw Invalid($"no inputs");
        }

        var rank = inputs[0].Rank;
        var axis = OnnxShapes.Axis(_node.Int("axis", 1), Math.Max(rank, 1)) ?? throw Invalid($"axis {_node.Int("axis", 1)} is out of range");
        var dims = (long[])inputs[0].Dims.Clone();
        if (rank == 0)
        {
            throw Invalid($"cannot concatenate scalars");
        }

        dims[axis] = 0;
        foreach (var v in inputs)
        {
            for (var i = 0; i < rank; i++)
            {
                if (v.Rank != rank || (i != axis && v.Dims[i] != dims[i]))
                {
                    throw ShapeError($"cannot concatenate {OnnxShapes.Format(inputs[0].Dims)} with {OnnxShapes.Format(v.Dims)} on axis {axis}");
                }
            }

            dims[axis] = checked(dims[axis] + v.Dims[axis]);
        }

        if (inputs.All(v => v.IsConstant))
        {
            var values = rank == 1 && inputs.All(v => v.IntValues is not null) ? inputs.SelectMany(v => v.IntValues!).ToArray() : null;
            Set(0, OnnxValue.Constant(dims, inputs[0].DataType, values, null, inputs.All(v => v.Generated)));
            return;
        }

        // A constant among computed inputs is a learned tensor stored with the model (e.g. ViT's class token).
        var layers = inputs.Where(v => !v.IsConstant).Select(v => v.Layer).ToArray();
        var weights = inputs.Where(v => v.IsConstant).Sum(v => v.Elements);
        var layer = rank == 4 && axis == 1 && weights == 0
            ? _b.Concat(layers, Name)
            : _b.Custom(LayerKind.Concat, "concat", layers, OnnxShapes.ToShape(dims), weights: weights, name: Name);
        SetLayer(layer, dims);
    }

    private void Split()
    {
        var x = Tensor(0);
        var axis = OnnxShapes.Axis(_node.Int("axis", 0), x.Rank) ?? throw Invalid($"axis is out of range");
        var size = x.Dims[axis];
        var parts = IntsFromAttributeOrInput("split", 1);
        if (parts is null || parts.Length == 0)
        {
            var n = _node.Int("num_outputs", _node.Outputs.Count);
            if (n <= 0 || n != _node.Outputs.Count || n > size)
            {
                throw Invalid($"cannot split {size} into {n} parts");
            }

            // Opset 18: equal parts of ceil(size / n), the last one smaller.
            var chunk = OnnxShapes.CeilDiv(size, n);
            parts = [.. Enumerable.Range(0, (int)n).Select(i => Math.Min(chunk, size - (i * chunk)))];
        }

        if (parts.Any(p => p <= 0) || parts.Sum() != size || parts.Length != _node.Outputs.Count)
        {
            throw ShapeError($"split sizes {OnnxShapes.Format(parts)} do not divide axis {axis} of {OnnxShapes.Format(x.Dims)} into {_node.Outputs.Count} outputs");
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (_node.Outputs[i].Length == 0)
            {
                continue;
            }

            var dims = (long[])x.Dims.Clone();
            dims[axis] = parts[i];
            var layer = _b.Custom(LayerKind.Copy, "split", [x.Layer], OnnxShapes.ToShape(dims), name: FormattableString.Invariant($"{Name}:{i}"));
            SetLayer(layer, dims, i);
        }
    }

    private void Slice()
    {
        var x = Value(0);
        var starts = IntsFromAttributeOrInput("starts", 1) ?? throw Invalid($"starts are missing");
        var ends = IntsFromAttributeOrInput("ends", 2) ?? throw Invalid($"ends are missing");
        var axes = IntsFromAttributeOrInput("axes", 3) ?? [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)];
        var steps = (_node.Input(4) is null ? null : Ints(Constant(4, "steps"), "steps")) ?? [.. Enumerable.Repeat(1L, starts.Length)];
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
        {
            throw Invalid($"starts, ends, axes and steps differ in length");
        }

        var dims = (long[])x.Dims.Clone();
        var firsts = new long[x.Rank];
        var strides = Enumerable.Repeat(1L, x.Rank).ToArray();
        for (var i = 0; i < starts.Length; i++)
        {
            var axis = OnnxShapes.Axis(axes[i], x.Rank) ?? throw Invalid($"axis {axes[i]} is out of range");
            var d = x.Dims[axis];
            var step = steps[i];
            if (step == 0)
            {
                throw Invalid($"a step is 0");
            }

            var start = starts[i] < 0 ? starts[i] + d : starts[i];
            var end = ends[i] < 0 ? Math.Max(ends[i], long.MinValue + d) + d : ends[i];
            long length;
            if (d == 0)
            {
                length = 0;
            }
            else if (step > 0)
            {
                start = Math.Clamp(start, 0, d);
                end = Math.Clamp(end, 0, d);
                length = end > start ? OnnxShapes.CeilDiv(end - start, step) : 0;
            }
            else
            {
                start = Math.Clamp(start, 0, d - 1);
                end = Math.Clamp(end, -1, d - 1);
                length = start > end ? OnnxShapes.CeilDiv(start - end, -step) : 0;
            }

            dims[axis] = length;
            firsts[axis] = start;
            strides[axis] = step;
        }

        if (x.IsConstant)
        {
            Set(0, OnnxFold.Remap(x, dims, i => [.. i.Select((e, d) => firsts[d] + (e * strides[d]))]));
            return;
        }

        SetLayer(_b.Custom(LayerKind.Copy, "slice", [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
    }

    private void Resize(bool upsampleOperator)
    {
        var x = Tensor(0);
        long[]? sizes = null;
        double[]? scales = null;
        if (upsampleOperator)
        {
            scales = _node.Attribute("scales") is { } a ? [.. a.Floats.Select(f => (double)f)] : ScalesInput(1);
        }
        else if (_graph.OpsetVersion is > 0 and <= 10)
        {
            scales = ScalesInput(1);
        }
        else
        {
            scales = ScalesInput(2);
            if (_node.Input(3) is not null && Constant(3, "sizes") is { } s && s.Elements > 0)
            {
                sizes = Ints(s, "sizes");
            }
        }

        var dims = new long[x.Rank];
        for (var i = 0; i < x.Rank; i++)
        {
            if (sizes is not null && sizes.Length == x.Rank)
            {
                dims[i] = sizes[i];
            }
            else if (scales is not null && scales.Length == x.Rank && scales[i] > 0 && scales[i] < 1e6)
            {
                dims[i] = (long)Math.Floor(x.Dims[i] * scales[i]);
            }
            else
            {
                throw Invalid($"needs constant scales or sizes, one per dimension");
            }
        }

        int layer;
        if (x.Rank == 4 && dims[0] == x.Dims[0] && dims[1] == x.Dims[1] && dims[2] % x.Dims[2] == 0
            && dims[2] / x.Dims[2] == dims[3] / x.Dims[3] && dims[3] % x.Dims[3] == 0 && dims[2] / x.Dims[2] <= int.MaxValue)
        {
            layer = _b.Upsample(x.Layer, (int)(dims[2] / x.Dims[2]), Name);
        }
        else
        {
            layer = _b.Custom(LayerKind.Upsample, "upsample", [x.Layer], OnnxShapes.ToShape(dims), name: Name);
        }

        SetLayer(layer, dims);
    }

    private double[]? ScalesInput(int i)
    {
        if (_node.Input(i) is null)
        {
            return null;
        }

        var v = Constant(i, "scales");
        return v.Elements == 0 ? null : v.FloatValues ?? throw Invalid($"the values of the scales are not in the file");
    }

    private void Reshape()
    {
        var x = Value(0);
        var target = IntsFromAttributeOrInput("shape", 1) ?? throw Invalid($"the target shape is missing");
        if (target.Length > OnnxReader.MaxDims)
        {
            throw Invalid($"target shape has {target.Length} dimensions");
        }

        var allowZero = _node.Int("allowzero", 0) != 0;
        var dims = new long[target.Length];
        var infer = -1;
        long known = 1;
        for (var i = 0; i < target.Length; i++)
        {
            var t = target[i];
            if (t == -1)
            {
                if (infer >= 0)
                {
                    throw Invalid($"the target shape has two -1 entries");
                }

                infer = i;
                continue;
            }

            dims[i] = t == 0 && !allowZero ? (i < x.Rank ? x.Dims[i] : throw Invalid($"a 0 in the target shape has no input dimension to copy")) : t;
            if (dims[i] < 0)
            {
                throw Invalid($"target shape {OnnxShapes.Format(target)} has a negative size");
            }

            known = checked(known * dims[i]);
        }

        if (infer >= 0)
        {
            if (known == 0 || x.Elements % known != 0)
            {
                throw ShapeError($"cannot reshape {OnnxShapes.Format(x.Dims)} to {OnnxShapes.Format(target)}");
            }

            dims[infer] = x.Elements / known;
        }

        View(x, dims);
    }

    private void Flatten()
    {
        var x = Value(0);
        var axisValue = _node.Int("axis", 1);
        var axis = axisValue == x.Rank ? x.Rank : OnnxShapes.Axis(axisValue, x.Rank) ?? throw Invalid($"axis {axisValue} is out of range");
        View(x, [OnnxShapes.Product(x.Dims, 0, axis), OnnxShapes.Product(x.Dims, axis, x.Rank)]);
    }

    private void Squeeze()
    {
        var x = Value(0);
        var axes = IntsFromAttributeOrInput("axes", 1);
        var drop = new HashSet<int>();
        foreach (var a in axes ?? [.. Enumerable.Range(0, x.Rank).Where(i => x.Dims[i] == 1).Select(i => (long)i)])
        {
            var axis = OnnxShapes.Axis(a, x.Rank) ?? throw Invalid($"axis {a} is out of range");
            if (x.Dims[axis] != 1)
            {
                throw ShapeError($"cannot squeeze axis {axis} of {OnnxShapes.Format(x.Dims)}");
            }

            drop.Add(axis);
        }

        View(x, [.. x.Dims.Where((_, i) => !drop.Contains(i))]);
    }

    private void Unsqueeze()
    {
        var x = Value(0);
        var axes = IntsFromAttributeOrInput("axes", 1) ?? throw Invalid($"axes are missing");
        var rank = x.Rank + axes.Length;
        if (rank > OnnxReader.MaxDims)
        {
            throw Invalid($"would have {rank} dimensions");
        }

        var inserted = new HashSet<int>();
        foreach (var a in axes)
        {
            if (!inserted.Add(OnnxShapes.Axis(a, rank) ?? throw Invalid($"axis {a} is out of range")))
            {
                throw Invalid($"axis {a} is repeated");
            }
        }

        var dims = new long[rank];
        var source = 0;
        for (var i = 0; i < rank; i++)
        {
            dims[i] = inserted.Contains(i) ? 1 : x.Dims[source++];
        }

        View(x, dims);
    }

    private void Transpose()
    {
        var x = Value(0);
        var perm = _node.Ints("perm") ?? [.. Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i)];
        if (perm.Length != x.Rank || perm.Distinct().Count() != perm.Length || perm.Any(p => p < 0 || p >= x.Rank))
        {
            throw Invalid($"perm {OnnxShapes.Format(perm)} is not a permutation of {x.Rank} axes");
        }

        var dims = perm.Select(p => x.Dims[p]).ToArray();
        if (x.IsConstant)
        {
            Set(0, OnnxFold.Remap(x, dims, i =>
            {
                var from = new long[i.Length];
                for (var d = 0; d < perm.Length; d++)
                {
                    from[perm[d]] = i[d];
                }

                return from;
            }));
            return;
        }

        SetLayer(_b.Custom(LayerKind.Copy, "transpose", [x.Layer], OnnxShapes.ToShape(dims), name: Name), dims);
    }

    /// <summary>Reshape, Flatten, Squeeze and Unsqueeze only rename the storage: a view, or new dims for a constant.</summary>
    private void View(OnnxValue x, long[] dims)
    {
        if (OnnxShapes.Product(dims, 0, dims.Length) != x.Elements)
        {
            throw ShapeError($"cannot view {OnnxShapes.Format(x.Dims)} as {OnnxShapes.Format(dims)}");
        }

        if (x.IsConstant)
        {
            Set(0, x.Reshaped(dims));
            return;
        }

        SetLayer(_b.View(x.Layer, OnnxShapes.ToShape(dims), Name), dims);
    }
}
