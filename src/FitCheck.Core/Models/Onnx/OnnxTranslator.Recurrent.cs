using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>
/// LSTM (4 gates), GRU (3) and RNN (1). Each time step multiplies the input by W and the previous hidden
/// state by R for every gate: MACs = steps x batch x directions x gates x hidden x (input + hidden), plus
/// 3 x hidden per step for LSTM peepholes. W, R and P are weights, B biases; initial states may be graph inputs.
/// </summary>
internal sealed partial class OnnxTranslator
{
    private void Recurrent(int gates)
    {
        var x = Tensor(0);
        var w = Value(1);
        var r = Value(2);
        var layout = _node.Int("layout", 0);
        if (x.Rank != 3 || w.Rank != 3 || r.Rank != 3)
        {
            throw Invalid($"X {OnnxShapes.Format(x.Dims)}, W {OnnxShapes.Format(w.Dims)} and R {OnnxShapes.Format(r.Dims)} must all be 3-D");
        }

        var directions = _node.String("direction") == "bidirectional" ? 2 : 1;
        var hidden = _node.Int("hidden_size", w.Dims[1] / gates);
        var steps = layout == 0 ? x.Dims[0] : x.Dims[1];
        var batch = layout == 0 ? x.Dims[1] : x.Dims[0];
        var input = x.Dims[2];
        if (w.Dims[0] != directions || w.Dims[1] != checked(gates * hidden) || w.Dims[2] != input || r.Dims[2] != hidden)
        {
            throw ShapeError($"W {OnnxShapes.Format(w.Dims)} and R {OnnxShapes.Format(r.Dims)} do not fit {directions} direction(s) of {gates} gate(s) x {hidden} hidden over input {OnnxShapes.Format(x.Dims)}");
        }

        var peephole = gates == 4 && OptionalValue(7) is not null;
        var perStep = checked((gates * hidden * (input + hidden)) + (peephole ? 3 * hidden : 0));
        var macs = checked(steps * batch * directions * perStep);
        var weights = checked(StoredElements(1) + StoredElements(2) + (peephole ? StoredElements(7) : 0));
        var biases = OptionalValue(3) is not null ? StoredElements(3) : 0;

        // Initial states computed by the graph or fed as graph inputs (h, c next to the audio) are read by the layer.
        var inputs = new List<int> { x.Layer };
        foreach (var i in new[] { 5, 6 })
        {
            if (OptionalValue(i) is { IsConstant: false } state)
            {
                inputs.Add(state.Layer);
            }
        }

        long[] y = layout == 0 ? [steps, directions, batch, hidden] : [batch, steps, directions, hidden];
        long[] state1 = layout == 0 ? [directions, batch, hidden] : [batch, directions, hidden];
        var kernel = _node.OpType.ToLowerInvariant();
        var layer = _b.Custom(LayerKind.FullyConnected, kernel, [.. inputs], OnnxShapes.ToShape(y), weights, biases, macs, Name);
        SetLayer(layer, y);
        for (var output = 1; output < Math.Min(_node.Outputs.Count, gates == 4 ? 3 : 2); output++)
        {
            if (_node.Outputs[output].Length > 0)
            {
                var stateLayer = _b.Custom(LayerKind.Copy, kernel + "-state", [layer], OnnxShapes.ToShape(state1), name: $"{Name}:{output}");
                SetLayer(stateLayer, state1, output);
            }
        }
    }
}
