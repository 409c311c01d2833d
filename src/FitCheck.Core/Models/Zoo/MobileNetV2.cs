using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>MobileNetV2 at width 1.0: inverted residuals with linear bottlenecks, batch norm folded.</summary>
public sealed class MobileNetV2 : ZooModel
{
    // (expansion t, output channels c, repeats n, first stride s), Table 2 of the paper.
    private static readonly (int T, int C, int N, int S)[] Stages =
    [
        (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1),
    ];

    public override string Name => "mobilenet-v2";

    public override string Description =>
        "MobileNetV2 1.0, ImageNet classifier (Sandler et al., MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR 2018; torchvision mobilenet_v2)";

    public override Resolution DefaultResolution => new(224, 224);

    public override SideRule Sides { get; } =
        SideRule.AtLeast(32, "the stride-32 trunk needs at least 32 pixels on each side");

    protected override void Define(NetworkBuilder b)
    {
        var x = b.Conv(b.Input, 32, 3, stride: 2, activation: "relu6", name: "features.0");
        var block = 1;
        foreach (var (t, c, n, s) in Stages)
        {
            for (var i = 0; i < n; i++, block++)
            {
                x = InvertedResidual(b, x, t, c, i == 0 ? s : 1, $"features.{block}");
            }
        }

        x = b.Conv(x, 1280, 1, activation: "relu6", name: $"features.{block}");
        x = b.GlobalAvgPool(x, name: "avgpool");
        b.FullyConnected(x, 1000, name: "classifier");
    }

    private static int InvertedResidual(NetworkBuilder b, int input, int expansion, int outChannels, int stride, string name)
    {
        var inChannels = (int)b.Shape(input).C;
        var hidden = inChannels * expansion;
        var y = input;
        if (expansion != 1)
        {
            y = b.Conv(y, hidden, 1, activation: "relu6", name: $"{name}.expand");
        }

        y = b.Conv(y, hidden, 3, stride: stride, groups: hidden, activation: "relu6", name: $"{name}.dw");
        y = b.Conv(y, outChannels, 1, name: $"{name}.project");
        return stride == 1 && inChannels == outChannels ? b.Add(y, input, name: $"{name}.add") : y;
    }
}
