using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Layer, group, instance and other normalizations: one pass, scale and bias stored, 1 MAC per element as batch norm.</summary>
internal sealed partial class OnnxTranslator
{
    private void Normalization(string kernel, int scaleInput, int biasInput)
    {
        var x = Tensor(0);
        long weights = 0, biases = 0;
        int[] inputs = [x.Layer];
        foreach (var (input, isBias) in new[] { (scaleInput, false), (biasInput, true) })
        {
            if (input < 0 || OptionalValue(input) is not { } v)
            {
                continue;
            }

            if (!v.IsConstant)
            {
                inputs = [.. inputs, v.Layer];
                continue;
            }

            if (isBias)
            {
                biases = checked(biases + StoredElements(input));
            }
            else
            {
                weights = checked(weights + StoredElements(input));
            }
        }

        SetLayer(_b.Custom(LayerKind.Normalization, kernel, inputs, OnnxShapes.ToShape(x.Dims), weights, biases, x.Elements, Name), x.Dims);

        // LayerNormalization's optional Mean and InvStdDev outputs (training) are reduced tensors nobody reads at inference.
        for (var i = 1; i < _node.Outputs.Count; i++)
        {
            if (_node.Outputs[i].Length > 0)
            {
                var axis = OnnxShapes.Axis(_node.Int("axis", -1), x.Rank) ?? x.Rank - 1;
                var dims = x.Dims.Select((d, j) => j < axis ? d : 1).ToArray();
                SetLayer(_b.Custom(LayerKind.GlobalAvgPool, kernel + "-stats", [x.Layer], OnnxShapes.ToShape(dims), name: $"{Name}:{i}"), dims, i);
            }
        }
    }
}
