using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Zoo;

public class ResNet50Tests
{
    private static readonly Network Net = new ResNet50().Build(new Resolution(224, 224), 1);

    [Fact]
    public void ParametersAreTorchvisionsCountWithBatchNormFolded()
    {
        // torchvision resnet50 has 25,557,032 parameters. Its BN layers cover 26,560 channels:
        // stem 64; layer1 3*(64+64+256)+256; layer2 4*(128+128+512)+512; layer3 6*(256+256+1024)+1024;
        // layer4 3*(512+512+2048)+2048. Folding turns each channel's 2 BN parameters into 1 bias.
        Assert.Equal(25_557_032L - 26_560L, Net.Parameters);
    }

    [Fact]
    public void MacsAt224MatchThePublishedFourPointOneGiga()
    {
        // torchvision's model table: ResNet50 IMAGENET1K_V2, 4.09 GFLOPS (multiply-accumulates).
        Assert.InRange(Net.Macs, 4.09e9 * 0.995, 4.09e9 * 1.005);
        // Stem by hand: 112*112 outputs x 64 filters x 3*7*7 taps.
        Assert.Equal(112L * 112 * 64 * 3 * 7 * 7, Net.Layers[1].Macs);
    }

    [Fact]
    public void LargestTensorsAreTheOnesTheArticleNames()
    {
        // 112x112x64 after the stem (and 56x56x256 after layer1): 0.8 MB at INT8; 28x28x512 is the 0.4 MB one.
        Assert.Equal(802_816L, Net.Layers.Max(l => l.Output.Elements));
        Assert.Contains(Net.Layers, l => l.Output == new TensorShape(1, 512, 28, 28));
        Assert.Contains(Net.Layers, l => l.Output.Elements == 401_408L);
    }

    [Fact]
    public void OutputIsOneThousandClassScores()
    {
        Assert.Equal(new TensorShape(1, 1000, 1, 1), Net.Layers[^1].Output);
        Assert.Equal(new TensorShape(1, 2048, 7, 7), Net.Layers.Single(l => l.Name == "layer4.2.add").Output);
    }

    [Fact]
    public void TopologyHasFiftyThreeConvolutionsAndSixteenResidualAdds()
    {
        // 1 stem + 16 bottlenecks x 3 + 4 projections = 53 convolutions; every conv carries a folded bias.
        var convs = Net.Layers.Where(l => l.Kind == LayerKind.Convolution).ToList();
        Assert.Equal(53, convs.Count);
        Assert.All(convs, c => Assert.Equal(c.Output.C, c.BiasParameters));
        var adds = Net.Layers.Where(l => l.Kind == LayerKind.Add).ToList();
        Assert.Equal(16, adds.Count);
        Assert.All(adds, a => Assert.Equal("relu", a.Activation));
    }

    [Fact]
    public void StrideSitsOnTheThreeByThreeConvolutionAsInV15()
    {
        var conv1 = Net.Layers.Single(l => l.Name == "layer2.0.conv1");
        var conv2 = Net.Layers.Single(l => l.Name == "layer2.0.conv2");
        Assert.Equal(56, conv1.Output.H);
        Assert.Equal(28, conv2.Output.H);
    }

    [Fact]
    public void ProjectionIsBuiltRightBeforeTheAddThatConsumesIt()
    {
        var projection = Net.Layers.Single(l => l.Name == "layer1.0.downsample");
        var add = Net.Layers[projection.Index + 1];
        Assert.Equal("layer1.0.add", add.Name);
        Assert.Equal([projection.Index - 1, projection.Index], add.Inputs);
        Assert.Equal(Net.Layers.Single(l => l.Name == "maxpool").Index, projection.Inputs[0]);
    }

    [Fact]
    public void WeightsDoNotDependOnResolution()
    {
        var big = new ResNet50().Build(new Resolution(640, 480), 2);
        Assert.Equal(Net.Parameters, big.Parameters);
        Assert.Equal(new TensorShape(2, 2048, 15, 20), big.Layers.Single(l => l.Name == "layer4.2.add").Output);
    }

    [Theory]
    [InlineData(31, 224, "32x224")]
    [InlineData(16, 8, "32x32")]
    public void SidesBelowThirtyTwoAreRejectedWithTheNearestValidSize(int width, int height, string nearest)
    {
        var ex = Assert.Throws<FitCheckException>(() => new ResNet50().Build(new Resolution(width, height), 1));
        Assert.Equal("FC0202", ex.Diagnostic.Id);
        Assert.Equal($"use at least 32 pixels on each side, e.g. {nearest}", ex.Diagnostic.Hint);
    }

    [Fact]
    public void ThirtyTwoPixelsReachOnePixelAtTheEnd()
    {
        var tiny = new ResNet50().Build(new Resolution(32, 32), 1);
        Assert.Equal(new TensorShape(1, 2048, 1, 1), tiny.Layers.Single(l => l.Name == "layer4.2.add").Output);
    }
}
