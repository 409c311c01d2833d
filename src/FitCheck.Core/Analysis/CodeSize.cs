using FitCheck.Graph;

namespace FitCheck.Analysis;

/// <summary>
/// Code bytes = runtime + distinct kernels x per-kernel bytes + executed layers x per-layer command bytes.
/// Views move no data and need no code; every other layer is one command in the stream.
/// </summary>
public static class CodeSize
{
    public static long Estimate(Network network, CodeSizeModel model, out int distinctKernels)
    {
        var kernels = new HashSet<string>(StringComparer.Ordinal);
        long commands = 0;
        foreach (var layer in network.Layers)
        {
            if (layer.IsView)
            {
                continue;
            }

            kernels.Add(layer.Kernel);
            commands++;
        }

        distinctKernels = kernels.Count;
        return checked(model.RuntimeBytes + kernels.Count * model.PerKernelBytes + commands * model.PerLayerBytes);
    }
}
