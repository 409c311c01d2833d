using FitCheck.Graph;

namespace FitCheck.Analysis;

/// <summary>How a layer's work maps onto compute, independent of any accelerator.</summary>
public enum WorkKind : byte
{
    /// <summary>No compute (a view, the input).</summary>
    None,

    /// <summary>A reduction over K inputs into N outputs per group: convolution, fully connected, matrix product.</summary>
    Array,

    /// <summary>Depthwise convolution: each channel reduces only over its own kernel taps.</summary>
    Depthwise,

    /// <summary>Pooling, elementwise, copies, resize: vector-unit work, one operation per element read.</summary>
    Vector,
}

/// <summary>
/// The dimensions the efficiency model needs, read from the layer and its input: reduction length
/// <see cref="K"/> per group (input channels per group x kernel taps, im2col style), outputs per group
/// <see cref="N"/>, <see cref="Groups"/>, output positions <see cref="Pixels"/> (batch included), kernel
/// <see cref="Taps"/>, whether it is a 3x3 stride-1 convolution (<see cref="WinogradEligible"/>), and the
/// elements a vector layer touches.
/// </summary>
public readonly record struct LayerShape(WorkKind Kind, long K, long N, long Groups, long Pixels, int Taps, bool WinogradEligible, long VectorElements)
{
    public static LayerShape Of(Layer layer, IReadOnlyList<Layer> layers)
    {
        var o = layer.Output;
        var pixels = checked(o.N * o.H * o.W);
        switch (layer.Kind)
        {
            case LayerKind.Input or LayerKind.View:
                return default;
            case LayerKind.Convolution or LayerKind.ConvTranspose when layer.Macs > 0:
                {
                    var input = layers[layer.Inputs[0]].Output;
                    var (kh, kw) = KernelSize(layer.Kernel);
                    var taps = kh * kw;
                    if (layer.Kernel.StartsWith("dwconv", StringComparison.Ordinal))
                    {
                        return new LayerShape(WorkKind.Depthwise, taps, o.C, o.C, pixels, taps, false, 0);
                    }

                    // Weights = filters x (C / groups) x taps, so the input channels per group follow from them.
                    var perGroupIn = layer.WeightParameters / Math.Max(1, o.C * taps);
                    var groups = Math.Max(1, input.C / Math.Max(1, perGroupIn));
                    var stride1 = layer.Kind == LayerKind.Convolution && o.H * 2 > input.H && o.W * 2 > input.W;
                    return new LayerShape(WorkKind.Array, checked(perGroupIn * taps), o.C / groups, groups, pixels, taps,
                        kh == 3 && kw == 3 && stride1 && groups == 1, 0);
                }

            case LayerKind.FullyConnected or LayerKind.MatMul when layer.Macs > 0:
                {
                    // Output positions: tokens for a sequence (H), the batch for a vector.
                    var n = o.C;
                    var k = Math.Max(1, layer.Macs / Math.Max(1, pixels * n));
                    return new LayerShape(WorkKind.Array, k, n, 1, pixels, 1, false, 0);
                }

            default:
                {
                    long read = 0;
                    foreach (var i in layer.Inputs)
                    {
                        read = checked(read + layers[i].Output.Elements);
                    }

                    return new LayerShape(WorkKind.Vector, 0, 0, 0, pixels, 0, false, Math.Max(read, o.Elements));
                }
        }
    }

    /// <summary>"conv3x3", "dwconv5x5", "deconv2x2" -> (3, 3) ...; 1x1 when the name carries no size.</summary>
    private static (int H, int W) KernelSize(string kernel)
    {
        var x = kernel.LastIndexOf('x');
        if (x <= 0)
        {
            return (1, 1);
        }

        var start = x;
        while (start > 0 && char.IsAsciiDigit(kernel[start - 1]))
        {
            start--;
        }

        return int.TryParse(kernel.AsSpan(start, x - start), out var h) && int.TryParse(kernel.AsSpan(x + 1), out var w) && h > 0 && w > 0
            ? (h, w)
            : (1, 1);
    }
}
