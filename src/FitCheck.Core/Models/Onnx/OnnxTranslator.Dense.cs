using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Gemm and MatMul: with a constant operand they are fully connected layers, otherwise activation products.</summary>
internal sealed partial class OnnxTranslator
{
    /// <summary>Y = alpha * A' * B' + beta * C with A' = A or its transpose (transA), B' likewise (transB).</summary>
    private void Gemm()
    {
        var a = Value(0);
        var w = Value(1);
        if (a.Rank != 2 || w.Rank != 2)
        {
            throw Invalid($"Gemm needs 2-D operands, got {OnnxShapes.Format(a.Dims)} and {OnnxShapes.Format(w.Dims)}");
        }

        var transA = _node.Int("transA", 0) != 0;
        var transB = _node.Int("transB", 0) != 0;
        var rows = transA ? a.Dims[1] : a.Dims[0];
        var inner = transA ? a.Dims[0] : a.Dims[1];
        var inFeatures = transB ? w.Dims[1] : w.Dims[0];
        var outputs = transB ? w.Dims[0] : w.Dims[1];
        if (inFeatures != inner)
        {
            throw ShapeError($"A {OnnxShapes.Format(a.Dims)} (transA={(transA ? 1 : 0)}) and B {OnnxShapes.Format(w.Dims)} (transB={(transB ? 1 : 0)}) do not multiply");
        }

        long[] dims = [rows, outputs];
        var macs = checked(rows * inner * outputs);
        var c = OptionalValue(2);
        if (a.IsConstant && w.IsConstant)
        {
            Set(0, OnnxValue.Constant(dims, a.DataType));
            return;
        }

        if (a.IsConstant || !w.IsConstant)
        {
            // A product of two computed operands, or a constant A times computed B: no layer owns the weights of both.
            var layers = new[] { a, w, c }.Where(v => v is { IsConstant: false }).Select(v => v!.Layer).ToArray();
            var stored = checked(StoredElements(0) + StoredElements(1) + (c is not null ? StoredElements(2) : 0));
            var product = _b.Custom(LayerKind.MatMul, "matmul", layers, OnnxShapes.ToShape(dims), stored, 0, macs, Name);
            SetLayer(product, dims);
            return;
        }

        var biases = c is null ? 0 : c.IsConstant ? c.Elements : 0;
        int[] inputs = c is { IsConstant: false } ? [a.Layer, c.Layer] : [a.Layer];
        var layer = !transA && inputs.Length == 1 && (biases == 0 || biases == outputs)
            ? _b.FullyConnected(a.Layer, outputs, biases > 0, null, Name)
            : _b.Custom(LayerKind.FullyConnected, "fc", inputs, OnnxShapes.ToShape(dims), w.Elements, biases, macs, Name);
        SetLayer(layer, dims);
    }

    private void MatMul(int aInput, int bInput)
    {
        var a = Value(aInput);
        var w = Value(bInput);
        if (a.Rank < 1 || w.Rank < 1)
        {
            throw Invalid($"MatMul of scalars");
        }

        // numpy matmul: a 1-D operand is a row (left) or a column (right) vector.
        var left = a.Rank == 1 ? [1, a.Dims[0]] : a.Dims;
        var right = w.Rank == 1 ? [w.Dims[0], 1] : w.Dims;
        var k = left[^1];
        if (right[^2] != k)
        {
            throw ShapeError($"cannot multiply {OnnxShapes.Format(a.Dims)} by {OnnxShapes.Format(w.Dims)}");
        }

        var n = right[^1];
        var batch = OnnxShapes.Broadcast(left[..^2], right[..^2])
            ?? throw ShapeError($"batch dimensions of {OnnxShapes.Format(a.Dims)} and {OnnxShapes.Format(w.Dims)} do not broadcast");
        var dims = new List<long>(batch);
        if (a.Rank > 1)
        {
            dims.Add(left[^2]);
        }

        if (w.Rank > 1)
        {
            dims.Add(n);
        }

        long[] output = [.. dims];
        var rows = checked(OnnxShapes.Product(batch, 0, batch.Length) * left[^2]);
        var macs = checked(rows * k * n);
        int layer;
        if (a.IsConstant && w.IsConstant)
        {
            Set(0, OnnxValue.Constant(output, a.DataType));
            return;
        }

        if (a.IsConstant)
        {
            // A constant left operand (a fixed basis such as a DFT or mel matrix) is stored with the model.
            layer = _b.Custom(LayerKind.FullyConnected, "fc", [w.Layer], OnnxShapes.ToShape(output), StoredElements(aInput), 0, macs, Name);
        }
        else if (!w.IsConstant)
        {
            layer = _b.MatMul(a.Layer, w.Layer, OnnxShapes.ToShape(output), macs, Name);
        }
        else if (a.Rank == 2 && w.Rank == 2)
        {
            layer = _b.FullyConnected(a.Layer, n, false, null, Name);
        }
        else
        {
            layer = _b.Custom(LayerKind.FullyConnected, "fc", [a.Layer], OnnxShapes.ToShape(output), w.Elements, 0, macs, Name);
        }

        SetLayer(layer, output);
    }
}
