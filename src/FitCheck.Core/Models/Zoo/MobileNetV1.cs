using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>MobileNet v1 at width 1.0: thirteen depthwise-separable blocks, batch norm folded.</summary>
public sealed class MobileNetV1 : ZooModel
{
    private static readonly (int Filters, int Stride)[] Blocks =
    [
        (64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
        (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1),
    ];

    public override string Name => "mobilenet-v1";

    public override string Description =>
        "MobileNet v1 1.0, ImageNet classifier (Howard et al., MobileNets, arXiv:1704.04861, 2017)";

    public override Resolution DefaultResolution => new(224, 224);

    public override SideRule Sides { get; } =
        SideRule.AtLeast(32, "the stride-32 trunk needs at least 32 pixels on each side");

    protected override void Define(NetworkBuilder b)
    {
        var x = b.Conv(b.Input, 32, 3, stride: 2, activation: "relu", name: "conv0");
        for (var i = 0; i < Blocks.Length; i++)
        {
            var (filters, stride) = Blocks[i];
            var channels = (int)b.Shape(x).C;
            x = b.Conv(x, channels, 3, stride: stride, groups: channels, activation: "relu", name: $"block{i + 1}.dw");
            x = b.Conv(x, filters, 1, activation: "relu", name: $"block{i + 1}.pw");
        }

        x = b.GlobalAvgPool(x, name: "avgpool");
        b.FullyConnected(x, 1000, name: "fc");
    }
}
