using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>
/// ResNet-50 as torchvision builds it (He et al. 2016 with the v1.5 change: the stride of a downsampling
/// bottleneck sits on its 3x3 convolution), batch norm folded into each convolution's bias.
/// </summary>
public sealed class ResNet50 : ZooModel
{
    private static readonly (int Width, int Blocks, int Stride)[] Stages = [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)];

    public override string Name => "resnet50";

    public override string Description =>
        "ResNet-50 v1.5, ImageNet classifier (He et al., Deep Residual Learning, CVPR 2016; torchvision resnet50)";

    public override Resolution DefaultResolution => new(224, 224);

    // The head is a global average pool, so any size works once the stride-32 trunk has a pixel left.
    public override SideRule Sides { get; } =
        SideRule.AtLeast(32, "the stride-32 trunk needs at least 32 pixels on each side");

    protected override void Define(NetworkBuilder b)
    {
        var x = b.Conv(b.Input, 64, 7, stride: 2, pad: 3, activation: "relu", name: "conv1");
        x = b.MaxPool(x, 3, 2, pad: 1, name: "maxpool");
        for (var s = 0; s < Stages.Length; s++)
        {
            var (width, blocks, stride) = Stages[s];
            for (var i = 0; i < blocks; i++)
            {
                x = Bottleneck(b, x, width, i == 0 ? stride : 1, $"layer{s + 1}.{i}");
            }
        }

        x = b.GlobalAvgPool(x, name: "avgpool");
        b.FullyConnected(x, 1000, name: "fc");
    }

    private static int Bottleneck(NetworkBuilder b, int input, int width, int stride, string name)
    {
        var outChannels = width * 4L;
        var y = b.Conv(input, width, 1, activation: "relu", name: $"{name}.conv1");
        y = b.Conv(y, width, 3, stride: stride, activation: "relu", name: $"{name}.conv2");
        y = b.Conv(y, outChannels, 1, name: $"{name}.conv3");

        // The projection is built last so that its output is born just before the add consumes it; an
        // offline planner walking layers in order then never holds it alongside the main branch.
        var shortcut = input;
        if (stride != 1 || b.Shape(input).C != outChannels)
        {
            shortcut = b.Conv(input, outChannels, 1, stride: stride, name: $"{name}.downsample");
        }

        return b.Add(y, shortcut, activation: "relu", name: $"{name}.add");
    }
}
