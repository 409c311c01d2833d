using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>
/// The original U-Net: unpadded 3x3 convolutions, 2x2 max-pools, 2x2 up-convolutions, and skip
/// connections centre-cropped to the upsampled size before concatenation. One grey-scale input channel
/// and two output classes, as in the paper's Figure 1.
/// </summary>
public sealed class UNet : ZooModel
{
    internal const int Depth = 4;

    private const int Classes = 2;

    public override string Name => "unet";

    public override string Description =>
        "U-Net, biomedical segmentation (Ronneberger et al., U-Net: Convolutional Networks for Biomedical Image Segmentation, MICCAI 2015)";

    public override Resolution DefaultResolution => new(572, 572);

    public override SideRule Sides { get; } = new UNetSides();

    public override int InputChannels => 1;

    protected override void Define(NetworkBuilder b)
    {
        var x = b.Input;
        var skips = new int[Depth];
        long filters = 64;
        for (var level = 0; level < Depth; level++, filters *= 2)
        {
            x = DoubleConv(b, x, filters, $"down{level + 1}");
            skips[level] = x;
            x = b.MaxPool(x, 2, 2, name: $"down{level + 1}.pool");
        }

        x = DoubleConv(b, x, filters, "bottom");
        for (var level = Depth - 1; level >= 0; level--)
        {
            filters /= 2;
            var name = $"up{level + 1}";
            var up = b.ConvTranspose(x, filters, 2, 2, name: $"{name}.upconv");
            var skip = skips[level];
            var crop = b.Custom(LayerKind.Copy, "crop", [skip], b.Shape(skip) with { H = b.Shape(up).H, W = b.Shape(up).W },
                name: $"{name}.crop");
            x = b.Concat([crop, up], name: $"{name}.concat");
            x = DoubleConv(b, x, filters, name);
        }

        b.Conv(x, Classes, 1, name: "out");
    }

    private static int DoubleConv(NetworkBuilder b, int x, long filters, string name)
    {
        x = b.Conv(x, filters, 3, pad: 0, activation: "relu", name: $"{name}.conv1");
        return b.Conv(x, filters, 3, pad: 0, activation: "relu", name: $"{name}.conv2");
    }
}
