using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Gemm and MatMul: with a constant operand they are fully connected layers, otherwise activation products.</summary>
internal sealed partial class OnnxTranslator
{
    private void Gemm()
    {
        var a = Tensor(0);
        var w = Value(1);
        if (_node.Int("transA", 0) != 0)
        {
            throw Invalid($"transA = 1 is not supported");
        }

        if (a.Rank != 2 || w.Rank != 2)
        {
            throw Invalid($"Gemm needs 2-D operands, got {OnnxShapes.Format(a.Dims)} and {OnnxShapes.Format(w.Dims)}");
        }

        var transB = _node.Int("transB", 0) != 0;
        var inFeatures = transB ? w.Dims[1] : w.Dims[0];
        var outputs = transB ? w.Dims[0] : w.Dims[1];
        if (inFeatures != a.Dims[1])
        {
            throw ShapeError($"weights {OnnxShapes.Format(w.Dims)} (transB={(transB ? 1 : 0)}) do not take {a.Dims[1]} input features");
        }

        var c = OptionalValue(2);
        if (c is { IsConstant: false })
        {
            throw Invalid($"the bias C must be an initializer");
        }

        long[] dims = [a.Dims[0], outputs];
        if (!w.IsConstant)
        {
            var product = _b.MatMul(a.Layer, w.Layer, OnnxShapes.ToShape(dims), checked(a.Elements * outputs), Name);
            SetLayer(product, dims);
            return;
        }

        var biases = c?.Elements ?? 0;
        var layer = biases == 0 || biases == outputs
            ? _b.FullyConnected(a.Layer, outputs, biases > 0, null, Name)
            : _b.Custom(LayerKind.FullyConnected, "fc", [a.Layer], OnnxShapes.ToShape(dims), w.Elements, biases, checked(a.Elements * outputs), Name);
        SetLayer(layer, dims);
    }

    private void MatMul(int aInput, int bInput)
    {
        var a = Tensor(aInput);
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
        if (!w.IsConstant)
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
