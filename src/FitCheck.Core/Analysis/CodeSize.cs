using FitCheck.Graph;
using FitCheck.Units;

namespace FitCheck.Analysis;

/// <summary>
/// Code bytes = runtime + distinct kernels x per-kernel bytes + executed layers x per-layer command bytes.
/// Views move no data and need no code; every other layer is one command in the stream.
/// </summary>
public static class CodeSize
{
    public static long Estimate(Network network, CodeSizeModel model, out int distinctKernels) =>
        Estimate([network], model, out distinctKernels);

    /// <summary>
    /// One code image for networks deployed together: the runtime once, each kernel kind once however many
    /// networks use it, and every network's command stream.
    /// </summary>
    public static long Estimate(IEnumerable<Network> networks, CodeSizeModel model, out int distinctKernels)
    {
        var kernels = new HashSet<string>(StringComparer.Ordinal);
        long commands = 0;
        foreach (var layer in networks.SelectMany(n => n.Layers))
        {
            if (layer.IsView)
            {
                continue;
            }

            kernels.Add(layer.Kernel);
            commands++;
        }

        distinctKernels = kernels.Count;
        const string figure = "code size (runtime + kernels x perKernel + layers x perLayer)";
        return CheckedSize.Sum(figure, model.RuntimeBytes,
            CheckedSize.Multiply(kernels.Count, model.PerKernelBytes, figure),
            CheckedSize.Multiply(commands, model.PerLayerBytes, figure));
    }
}
