using FitCheck.Graph;

namespace FitCheck.Analysis;

/// <summary>
/// Live ranges of activation tensors, the first stage of the offline planner (as in Vela's live_range
/// and TFLite Micro's memory planner). Layers run in their stored topological order.
/// <list type="bullet">
/// <item>A view (reshape, single-input route, dropout) is another name for its input's storage.</item>
/// <item>An elementwise layer (add, mul, activation) writes into an input of the same size whose last
/// use it is, so a residual add needs no third buffer.</item>
/// <item>Tensors nobody reads are network outputs and stay alive to the end of the frame.</item>
/// <item>Concatenation is planned as a copy into a new tensor: conservative, never below a real planner's need
/// by more than the concatenated inputs.</item>
/// </list>
/// </summary>
public static class Liveness
{
    /// <summary>Returns the buffers and, for each layer, the buffer holding its output.</summary>
    public static (TensorBuffer[] Buffers, int[] BufferOfLayer) Compute(Network network, int elementBytes)
    {
        var layers = network.Layers;
        var count = layers.Count;
        var root = new int[count];
        var lastUse = new int[count];
        for (var i = 0; i < count; i++)
        {
            root[i] = i;
            lastUse[i] = i;
        }

        var consumed = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var layer = layers[i];
            if (layer.Kind == LayerKind.View && layer.Inputs.Length == 1)
            {
                root[i] = root[layer.Inputs[0]];
            }

            foreach (var input in layer.Inputs)
            {
                consumed[input] = true;
            }
        }

        // Last reader of every storage class, after views have been merged into their sources.
        for (var i = 0; i < count; i++)
        {
            foreach (var input in layers[i].Inputs)
            {
                var r = root[input];
                lastUse[r] = Math.Max(lastUse[r], i);
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (!consumed[i])
            {
                lastUse[root[i]] = count - 1;
            }
        }

        for (var i = 1; i < count; i++)
        {
            var layer = layers[i];
            if (!layer.CanRunInPlace || root[i] != i)
            {
                continue;
            }

            foreach (var input in layer.Inputs)
            {
                var r = root[input];
                if (r != 0 && lastUse[r] == i && layers[r].Output.Elements == layer.Output.Elements)
                {
                    // Take over the input's storage; it now lives as long as this layer's output.
                    lastUse[r] = Math.Max(lastUse[r], lastUse[i]);
                    for (var j = i; j < count; j++)
                    {
                        if (root[j] == i)
                        {
                            root[j] = r;
                        }
                    }

                    break;
                }
            }
        }

        var bufferOfRoot = new int[count];
        Array.Fill(bufferOfRoot, -1);
        var buffers = new List<TensorBuffer>();
        var bufferOfLayer = new int[count];
        for (var i = 0; i < count; i++)
        {
            var r = root[i];
            if (bufferOfRoot[r] < 0)
            {
                bufferOfRoot[r] = buffers.Count;
                var bytes = checked(layers[r].Output.Elements * elementBytes);
                buffers.Add(new TensorBuffer(buffers.Count, bytes, r, lastUse[r]));
            }

            bufferOfLayer[i] = bufferOfRoot[r];
        }

        return (buffers.ToArray(), bufferOfLayer);
    }
}
