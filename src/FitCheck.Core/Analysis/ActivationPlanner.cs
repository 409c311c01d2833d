using FitCheck.Graph;

namespace FitCheck.Analysis;

/// <summary>Runs liveness then offset assignment and collects the figures reports show.</summary>
public static class ActivationPlanner
{
    public static ActivationPlan Plan(Network network, Precision precision)
    {
        var elementBytes = precision.ElementBytes();
        var (buffers, bufferOfLayer) = Liveness.Compute(network, elementBytes);
        var offsets = GreedyBySizeAllocator.Allocate(buffers, out var arena);
        var lowerBound = GreedyBySizeAllocator.LowerBound(buffers);

        long largest = 0, second = 0, pair = 0;
        var pairLayer = "";
        foreach (var b in buffers)
        {
            if (b.Bytes > largest)
            {
                second = largest;
                largest = b.Bytes;
            }
            else if (b.Bytes < largest && b.Bytes > second)
            {
                second = b.Bytes;
            }
        }

        foreach (var layer in network.Layers)
        {
            if (layer.IsView)
            {
                continue;
            }

            // Distinct storage the layer touches: a layer that ran in place writes no new bytes.
            var inPlace = false;
            long bytes = 0;
            foreach (var input in layer.Inputs)
            {
                bytes = checked(bytes + network.Layers[input].Output.Elements * elementBytes);
                inPlace |= bufferOfLayer[input] == bufferOfLayer[layer.Index];
            }

            if (!inPlace)
            {
                bytes = checked(bytes + layer.Output.Elements * elementBytes);
            }

            if (bytes > pair)
            {
                pair = bytes;
                pairLayer = layer.Name;
            }
        }

        return new ActivationPlan(arena, lowerBound, pair, pairLayer, largest, second, buffers, offsets, bufferOfLayer);
    }
}
