using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>
/// EfficientNet-B0: MBConv blocks with squeeze-excitation and swish, batch norm folded. The padding is
/// torchvision's symmetric k/2 rather than TensorFlow's "same", which gives the same shapes at even sizes.
/// </summary>
public sealed class EfficientNetB0 : ZooModel
{
    // (expansion, kernel, first stride, output channels, repeats), Table 1 of the paper.
    private static readonly (int Expand, int Kernel, int Stride, int Channels, int Repeats)[] Stages =
    [
        (1, 3, 1, 16, 1), (6, 3, 2, 24, 2), (6, 5, 2, 40, 2), (6, 3, 2, 80, 3), (6, 5, 1, 112, 3), (6, 5, 2, 192, 4), (6, 3, 1, 320, 1),
    ];

    public override string Name => "efficientnet-b0";

    public override string Description =>
        "EfficientNet-B0, ImageNet classifier (Tan & Le, EfficientNet: Rethinking Model Scaling for CNNs, ICML 2019; torchvision efficientnet_b0)";

    public override Resolution DefaultResolution => new(224, 224);

    public override SideRule Sides { get; } =
        SideRule.AtLeast(32, "the stride-32 trunk needs at least 32 pixels on each side");

    protected override void Define(NetworkBuilder b)
    {
        var x = b.Conv(b.Input, 32, 3, stride: 2, activation: "swish", name: "stem");
        var block = 0;
        foreach (var (expand, kernel, stride, channels, repeats) in Stages)
        {
            for (var i = 0; i < repeats; i++, block++)
            {
                x = MBConv(b, x, expand, kernel, i == 0 ? stride : 1, channels, $"blocks.{block}");
            }
        }

        x = b.Conv(x, 1280, 1, activation: "swish", name: "head");
        x = b.GlobalAvgPool(x, name: "avgpool");
        b.FullyConnected(x, 1000, name: "classifier");
    }

    private static int MBConv(NetworkBuilder b, int input, int expand, int kernel, int stride, int outChannels, string name)
    {
        var inChannels = (int)b.Shape(input).C;
        var hidden = inChannels * expand;
        var y = input;
        if (expand != 1)
        {
            y = b.Conv(y, hidden, 1, activation: "swish", name: $"{name}.expand");
        }

        y = b.Conv(y, hidden, kernel, stride: stride, groups: hidden, activation: "swish", name: $"{name}.dw");

        // Squeeze-excitation squeezes to a quarter of the block's input channels, not of the expanded ones.
        var squeezed = b.GlobalAvgPool(y, name: $"{name}.se.pool");
        squeezed = b.Conv(squeezed, Math.Max(1, inChannels / 4), 1, activation: "swish", name: $"{name}.se.reduce");
        var scale = b.Conv(squeezed, hidden, 1, activation: "sigmoid", name: $"{name}.se.expand");
        y = b.Multiply(y, scale, name: $"{name}.se.scale");

        y = b.Conv(y, outChannels, 1, name: $"{name}.project");
        return stride == 1 && inChannels == outChannels ? b.Add(y, input, name: $"{name}.add") : y;
    }
}
