using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Darknet;

namespace FitCheck.Tests.Darknet;

/// <summary>The pjreddie/darknet cfgs against the figures Darknet prints when it loads them.</summary>
public class DarknetPublishedFiguresTests
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "Darknet", "Data");

    internal static DarknetModel YoloV3 => DarknetModel.Load(Path.Combine(Data, "yolov3.cfg"));

    internal static DarknetModel YoloV3Tiny => DarknetModel.Load(Path.Combine(Data, "yolov3-tiny.cfg"));

    private static void AssertWithin(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= expected * tolerance, $"expected {expected:E4} within {tolerance:P1}, got {actual:E4}");

    [Theory]
    [InlineData(416, 65.86)]
    [InlineData(608, 140.69)]
    public void YoloV3MacsAreHalfOfDarknetsBflops(int side, double bflops) =>
        AssertWithin(bflops / 2 * 1e9, YoloV3.Build(new Resolution(side, side), 1).Macs, 0.005);

    [Fact]
    public void YoloV3HasFoldedParametersOfThePublishedModel()
    {
        var network = YoloV3.Build(new Resolution(416, 416), 1);
        AssertWithin(61.95e6, network.Parameters, 0.005);
        // Parameters do not depend on the input size.
        Assert.Equal(network.Parameters, YoloV3.Build(new Resolution(608, 608), 1).Parameters);
    }

    [Fact]
    public void YoloV3Has107LayersAfterTheInputAndReadsNetSection()
    {
        var model = YoloV3;
        var network = model.Build(model.DefaultResolution, 1);
        Assert.Equal(108, network.Layers.Count);
        Assert.Equal(LayerKind.Input, network.Layers[0].Kind);
        Assert.Equal(new Resolution(608, 608), model.DefaultResolution);
        Assert.Equal(new TensorShape(1, 3, 608, 608), network.Input);
        Assert.Equal("yolov3", model.Name);
        Assert.Equal(32, model.RequiredMultiple);
    }

    [Fact]
    public void YoloV3DetectsAtStrides32_16And8With255Channels()
    {
        var network = YoloV3.Build(new Resolution(416, 416), 1);
        var heads = network.Layers.Where(l => l.Kind == LayerKind.Detection).Select(l => l.Output).ToArray();
        Assert.Equal([new TensorShape(1, 255, 13, 13), new TensorShape(1, 255, 26, 26), new TensorShape(1, 255, 52, 52)], heads);
        // Darknet layer 83 is "route -4" -> layer 79 (1x1, 512 filters at 13x13); builder index is Darknet's + 1.
        Assert.Equal(LayerKind.View, network.Layers[84].Kind);
        Assert.Equal([80], network.Layers[84].Inputs);
        // Darknet layer 86 concatenates the upsampled 256 channels with layer 61 (512 channels at 26x26).
        Assert.Equal([86, 62], network.Layers[87].Inputs);
        Assert.Equal(new TensorShape(1, 768, 26, 26), network.Layers[87].Output);
    }

    [Fact]
    public void BatchScalesMacsAndTheInputButNotParameters()
    {
        var one = YoloV3.Build(new Resolution(416, 416), 1);
        var four = YoloV3.Build(new Resolution(416, 416), 4);
        Assert.Equal(one.Macs * 4, four.Macs);
        Assert.Equal(one.Parameters, four.Parameters);
        Assert.Equal(4, four.Input.N);
    }

    [Fact]
    public void YoloV3TinyMacsMatchDarknet()
    {
        var model = YoloV3Tiny;
        var network = model.Build(model.DefaultResolution, 1);
        Assert.Equal(new Resolution(416, 416), model.DefaultResolution);
        Assert.Equal(25, network.Layers.Count);
        AssertWithin(2.78e9, network.Macs, 0.01);
        // The stride-1 maxpool pads one pixel at the end only, keeping 13x13.
        Assert.Equal(new TensorShape(1, 512, 13, 13), network.Layers[12].Output);
    }

    [Theory]
    [InlineData(600, 600, "576x576 or 608x608")]
    [InlineData(20, 20, "32x32")]
    [InlineData(640, 500, "640x480 or 640x512")]
    public void ResolutionsThatAreNotMultiplesOfTheDeepestStrideNameTheNearestValidOnes(int w, int h, string examples)
    {
        var ex = Assert.Throws<FitCheckException>(() => YoloV3.Build(new Resolution(w, h), 1));
        Assert.Equal("FC0202", ex.Diagnostic.Id);
        Assert.Equal($"use a multiple of 32, e.g. {examples}", ex.Diagnostic.Hint);
    }

    [Fact]
    public void ANetworkWithoutJoinsTakesAnyResolutionItsWindowsFit()
    {
        var model = new CfgWriter().Net().Conv(8, stride: 2).Section("maxpool", ("size", 2), ("stride", 2)).Load();
        Assert.Equal(1, model.RequiredMultiple);
        Assert.Equal(new TensorShape(1, 8, 13, 13), model.Build(new Resolution(50, 50), 1).Layers[^1].Output);
    }

    [Fact]
    public void TheModelSourceResolverLoadsCfgPaths()
    {
        var model = Models.ModelSourceResolver.Resolve("yolov3-tiny.cfg", Data, null);
        Assert.IsType<DarknetModel>(model);
        Assert.Equal("yolov3-tiny", model.Name);
    }
}
