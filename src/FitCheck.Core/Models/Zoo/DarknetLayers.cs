using System.Globalization;
using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>
/// Writes a network section by section as a Darknet .cfg reads, with the same layer conventions as the
/// .cfg importer (so a zoo YOLO and its imported .cfg give the same graph). Layer references follow the
/// cfg: negative is relative to the layer being added, non-negative is a Darknet index (input excluded).
/// </summary>
internal sealed class DarknetLayers(NetworkBuilder b)
{
    /// <summary>Darknet index of the next layer; the builder's index is one more (its layer 0 is the input).</summary>
    private int Next => b.Count - 1;

    private int Last => b.Count - 1;

    /// <summary>[convolutional] with pad=1 and batch_normalize folded into the bias.</summary>
    public int Conv(int filters, int size, int stride, string activation) =>
        b.Conv(Last, filters, size, stride, pad: size / 2, groups: 1, bias: true,
            activation: activation == "linear" ? null : activation, name: Name("conv"));

    /// <summary>[shortcut] with activation=linear.</summary>
    public int Shortcut(int from) => b.Add(Last, Resolve(from), activation: null, name: Name("shortcut"));

    public int Route(params int[] layers)
    {
        var name = Name("route");
        if (layers.Length == 1)
        {
            var only = Resolve(layers[0]);
            return b.View(only, b.Shape(only), name);
        }

        return b.Concat(layers.Select(Resolve).ToArray(), name);
    }

    public int Upsample(int stride) => b.Upsample(Last, stride, Name("upsample"));

    /// <summary>[maxpool] with Darknet's default padding of size-1, of which the end gets the larger half.</summary>
    public int MaxPool(int size, int stride)
    {
        var padding = size - 1;
        return b.Pool(Last, LayerKind.MaxPool, size, stride, padding / 2, padding - padding / 2, Name("maxpool"));
    }

    public int Yolo() => b.Custom(LayerKind.Detection, "yolo", [Last], b.Shape(Last), name: Name("yolo"));

    private int Resolve(int layer) => (layer < 0 ? Next + layer : layer) + 1;

    private string Name(string kind) => string.Create(CultureInfo.InvariantCulture, $"{kind}_{Next}");
}
