using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Zoo;

public class UNetTests
{
    private static readonly Network Net = new UNet().Build(new Resolution(572, 572), 1);

    [Fact]
    public void PaperTileGivesThePapersOutputAndParameters()
    {
        // Ronneberger et al. 2015, Figure 1: a 572x572 grey-scale tile gives a 388x388 map of 2 classes.
        // Parameters by hand (3x3 convs 64..1024, 2x2 up-convs, 1x1 output, all with bias): 31,030,658.
        Assert.Equal(new TensorShape(1, 1, 572, 572), Net.Input);
        Assert.Equal(new TensorShape(1, 2, 388, 388), Net.Layers[^1].Output);
        Assert.Equal(31_030_658L, Net.Parameters);
        Assert.InRange(Net.Parameters, 31.03e6 * 0.99, 31.03e6 * 1.01);
    }

    [Fact]
    public void FeatureMapSizesFollowFigureOne()
    {
        Assert.Equal(new TensorShape(1, 64, 568, 568), Layer("down1.conv2"));
        Assert.Equal(new TensorShape(1, 1024, 28, 28), Layer("bottom.conv2"));
        Assert.Equal(new TensorShape(1, 512, 56, 56), Layer("up4.upconv"));
        // The 64x64 map of level 4 is cropped to 56x56 and concatenated with the up-convolution.
        Assert.Equal(new TensorShape(1, 512, 56, 56), Layer("up4.crop"));
        Assert.Equal(new TensorShape(1, 1024, 56, 56), Layer("up4.concat"));
        Assert.Equal(new TensorShape(1, 64, 392, 392), Layer("up1.crop"));
        Assert.Equal(LayerKind.Copy, Net.Layers.Single(l => l.Name == "up1.crop").Kind);
        Assert.Equal(LayerKind.ConvTranspose, Net.Layers.Single(l => l.Name == "up1.upconv").Kind);
    }

    [Theory]
    [InlineData(188, 4)]
    [InlineData(572, 388)]
    [InlineData(204, 20)]
    public void ValidSidesAreSixteenKPlusTwelveFrom188(int side, int output)
    {
        var net = new UNet().Build(new Resolution(side, side), 1);
        Assert.Equal(output, net.Layers[^1].Output.H);
    }

    [Theory]
    [InlineData(570, 572, "556x572 or 572x572")]
    [InlineData(512, 512, "508x508 or 524x524")]
    [InlineData(100, 572, "188x572")]
    [InlineData(172, 172, "188x188")]
    public void OtherSidesAreRejectedWithTheNearestValidOnes(int width, int height, string nearest)
    {
        var ex = Assert.Throws<FitCheckException>(() => new UNet().Build(new Resolution(width, height), 1));
        Assert.Equal("FC0202", ex.Diagnostic.Id);
        Assert.Equal($"use 16k + 12 pixels on each side, 188 or more, e.g. {nearest}", ex.Diagnostic.Hint);
    }

    [Fact]
    public void NonSquareTilesAreCroppedPerAxis()
    {
        var net = new UNet().Build(new Resolution(572, 188), 1);
        Assert.Equal(new TensorShape(1, 2, 4, 388), net.Layers[^1].Output);
    }

    private static TensorShape Layer(string name) => Net.Layers.Single(l => l.Name == name).Output;
}
