using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Zoo;

public class MobileNetTests
{
    [Fact]
    public void MobileNetV1MatchesThePaper()
    {
        var net = new MobileNetV1().Build(new Resolution(224, 224), 1);
        // Howard et al. 2017, Table 8: 4.2 M parameters, 569 M mult-adds. Keras' model has 4,231,976 trainable
        // parameters; its BN layers cover 32 + 4,960 depthwise + 5,952 pointwise = 10,944 channels, each
        // folded from 2 parameters into 1 bias.
        Assert.InRange(net.Parameters, 4.2e6 * 0.99, 4.2e6 * 1.01);
        Assert.Equal(4_231_976L - 10_944L, net.Parameters);
        Assert.InRange(net.Macs, 569e6 * 0.995, 569e6 * 1.005);
        Assert.Equal(new TensorShape(1, 1024, 7, 7), net.Layers[^3].Output);
        Assert.Equal(new TensorShape(1, 1000, 1, 1), net.Layers[^1].Output);
        Assert.Equal(13, net.Layers.Count(l => l.Kernel == "dwconv3x3"));
    }

    [Fact]
    public void MobileNetV2MatchesTorchvision()
    {
        var net = new MobileNetV2().Build(new Resolution(224, 224), 1);
        // torchvision mobilenet_v2: 3,504,872 parameters, 0.30 GFLOPS (Sandler et al. 2018: 300 M multiply-adds).
        // Its BN layers cover 17,056 channels (stem 32, per block expand + depthwise + project, head 1280).
        Assert.InRange(net.Parameters, 3.5e6 * 0.99, 3.5e6 * 1.01);
        Assert.Equal(3_504_872L - 17_056L, net.Parameters);
        Assert.InRange(net.Macs, 300e6 * 0.99, 300e6 * 1.01);
        Assert.Equal(new TensorShape(1, 1280, 7, 7), net.Layers[^3].Output);
        Assert.Equal(new TensorShape(1, 1000, 1, 1), net.Layers[^1].Output);
        // Residuals where stride is 1 and channels repeat: 1 + 2 + 3 + 2 + 2 = 10.
        Assert.Equal(10, net.Layers.Count(l => l.Kind == LayerKind.Add));
        // The largest tensor is the first expansion: 16 x 6 = 96 channels at 112x112.
        Assert.Equal(96L * 112 * 112, net.Layers.Max(l => l.Output.Elements));
    }

    [Fact]
    public void EfficientNetB0MatchesTorchvision()
    {
        var net = new EfficientNetB0().Build(new Resolution(224, 224), 1);
        // torchvision efficientnet_b0: 5,288,548 parameters, 0.39 GFLOPS (Tan & Le 2019: 5.3 M, 0.39 B FLOPS).
        // Its BN layers cover 21,008 channels; SE convolutions have real biases and are unchanged by folding.
        Assert.InRange(net.Parameters, 5.3e6 * 0.99, 5.3e6 * 1.01);
        Assert.Equal(5_288_548L - 21_008L, net.Parameters);
        Assert.InRange(net.Macs, 0.39e9 * 0.98, 0.39e9 * 1.02);
        Assert.Equal(new TensorShape(1, 1000, 1, 1), net.Layers[^1].Output);
        Assert.Equal(16, net.Layers.Count(l => l.Kind == LayerKind.Mul));
        Assert.Equal(9, net.Layers.Count(l => l.Kind == LayerKind.Add));
    }

    [Fact]
    public void SqueezeExcitationScalesEveryChannelOfTheDepthwiseOutput()
    {
        var net = new EfficientNetB0().Build(new Resolution(224, 224), 1);
        var scale = net.Layers.Single(l => l.Name == "blocks.1.se.scale");
        Assert.Equal(new TensorShape(1, 96, 56, 56), scale.Output);
        Assert.Equal(new TensorShape(1, 96, 1, 1), net.Layers[scale.Inputs[1]].Output);
        // Squeezed to a quarter of the block's 16 input channels.
        Assert.Equal(new TensorShape(1, 4, 1, 1), net.Layers.Single(l => l.Name == "blocks.1.se.reduce").Output);
        Assert.Equal("swish", net.Layers.Single(l => l.Name == "blocks.1.expand").Activation);
    }

    [Theory]
    [InlineData("mobilenet-v1")]
    [InlineData("mobilenet-v2")]
    [InlineData("efficientnet-b0")]
    public void SidesBelowThirtyTwoAreRejected(string name)
    {
        var model = ModelZoo.Get(name, null);
        var ex = Assert.Throws<FitCheckException>(() => model.Build(new Resolution(300, 24), 1));
        Assert.Equal("FC0202", ex.Diagnostic.Id);
        Assert.Equal("use at least 32 pixels on each side, e.g. 300x32", ex.Diagnostic.Hint);
        Assert.Equal(new TensorShape(1, 1000, 1, 1), model.Build(new Resolution(300, 200), 1).Layers[^1].Output);
    }
}
