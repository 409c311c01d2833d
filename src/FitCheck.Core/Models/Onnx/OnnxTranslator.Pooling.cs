using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Windowed and global pooling.</summary>
internal sealed partial class OnnxTranslator
{
    private void Pool(LayerKind kind, string kernelName)
    {
        var x = Tensor(0);
        if (x.Rank < 3)
        {
            throw Invalid($"input {OnnxShapes.Format(x.Dims)} has no spatial axes");
        }

        var spatial = x.Rank - 2;
        var kernel = _node.Ints("kernel_shape") ?? throw Invalid($"attribute 'kernel_shape' is missing");
        if (kernel.Length != spatial)
        {
            throw Invalid($"attribute 'kernel_shape' has {kernel.Length} values, expected {spatial}");
        }

        var window = Window(x.Dims, kernel, spatial);
        var ceil = _node.Int("ceil_mode", 0) != 0;
        var dims = (long[])x.Dims.Clone();
        for (var i = 0; i < spatial; i++)
        {
            var input = x.Dims[2 + i];
            var effective = checked(((kernel[i] - 1) * window.Dilations[i]) + 1);
            if (kernel[i] <= 0)
            {
                throw Invalid($"kernel sizes must be positive");
            }

            var span = checked(input + window.PadBegin[i] + window.PadEnd[i] - effective);
            if (span < 0)
            {
                throw ShapeError($"a {effective}-wide window does not fit an input of {input} (padding {window.PadBegin[i] + window.PadEnd[i]})");
            }

            var output = ceil ? OnnxShapes.CeilDiv(span, window.Strides[i]) + 1 : (span / window.Strides[i]) + 1;

            // With ceil_mode the last window must still start inside the input or its left padding.
            if (ceil && (output - 1) * window.Strides[i] >= input + window.PadBegin[i])
            {
                output--;
            }

            dims[2 + i] = output;
        }

        var layer = _b.Custom(kind, kernelName, [x.Layer], OnnxShapes.ToShape(dims), name: Name);
        SetLayer(layer, dims);
        if (_node.Outputs.Count > 1)
        {
            // MaxPool's optional indices output: same shape, int64.
            SetLayer(_b.Custom(kind, kernelName + "-indices", [x.Layer], OnnxShapes.ToShape(dims), name: Name + ":indices"), dims, 1);
        }
    }

    private void GlobalPool(bool max)
    {
        var x = Tensor(0);
        if (x.Rank < 3)
        {
            throw Invalid($"input {OnnxShapes.Format(x.Dims)} has no spatial axes");
        }

        var dims = x.Dims.Select((d, i) => i < 2 ? d : 1).ToArray();
        var layer = max
            ? _b.Custom(LayerKind.GlobalAvgPool, "maxpool", [x.Layer], OnnxShapes.ToShape(dims), name: Name)
            : _b.GlobalAvgPool(x.Layer, Name);
        SetLayer(layer, dims);
    }
}
