using FitCheck.Graph;

namespace FitCheck.Analysis;

/// <summary>Weight bytes = weights x weight width + biases x bias width (int8 keeps int32 biases).</summary>
public static class WeightSize
{
    public static long Bytes(Network network, Precision precision)
    {
        long weights = 0, biases = 0;
        foreach (var layer in network.Layers)
        {
            weights += layer.WeightParameters;
            biases += layer.BiasParameters;
        }

        return checked(weights * precision.ElementBytes() + biases * precision.BiasBytes());
    }
}
