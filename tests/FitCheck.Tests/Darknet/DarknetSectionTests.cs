using System.Text;
using FitCheck.Graph;

namespace FitCheck.Tests.Darknet;

/// <summary>Every section kind on an 8x8 input, against shapes, parameters and MACs worked out by hand.</summary>
public class DarknetSectionTests
{
    private static Network Build(CfgWriter cfg) => Build(cfg.Load());

    private static Network Build(Models.Darknet.DarknetModel model) => model.Build(model.DefaultResolution, 1);

    [Fact]
    public void ConvolutionalFoldsBatchNormIntoOneBiasPerFilter()
    {
        var conv = Build(new CfgWriter().Net(8, 8, 3).Conv(4, size: 3, stride: 2)).Layers[1];
        Assert.Equal(LayerKind.Convolution, conv.Kind);
        Assert.Equal(new TensorShape(1, 4, 4, 4), conv.Output); // (8 + 2*1 - 3) / 2 + 1 = 4
        Assert.Equal(4 * 3 * 3 * 3, conv.WeightParameters);
        Assert.Equal(4, conv.BiasParameters);
        Assert.Equal(4L * 4 * 4 * 3 * 3 * 3, conv.Macs);
        Assert.Equal("leaky", conv.Activation);
        Assert.Equal([0], conv.Inputs);
    }

    [Fact]
    public void ConvolutionalDefaultsFollowDarknet()
    {
        // Darknet's defaults: size 1, stride 1, no padding, logistic activation; a bias even without BN.
        var conv = Build(new CfgWriter().Net(8, 8, 3).Section("convolutional", ("filters", 2))).Layers[1];
        Assert.Equal(new TensorShape(1, 2, 8, 8), conv.Output);
        Assert.Equal(6, conv.WeightParameters);
        Assert.Equal(2, conv.BiasParameters);
        Assert.Equal("logistic", conv.Activation);
    }

    [Fact]
    public void LinearActivationIsNoActivation() =>
        Assert.Null(Build(new CfgWriter().Net(8, 8, 3).Conv(2, activation: "linear")).Layers[1].Activation);

    [Fact]
    public void PaddingIsUsedOnlyWithoutPad()
    {
        var padding = Build(new CfgWriter().Net(8, 8, 3).Section("convolutional", ("filters", 1), ("size", 3), ("padding", 2)));
        Assert.Equal(10, padding.Layers[1].Output.H); // (8 + 2*2 - 3) / 1 + 1
        var both = Build(new CfgWriter().Net(8, 8, 3).Section("convolutional", ("filters", 1), ("size", 5), ("pad", 1), ("padding", 0)));
        Assert.Equal(8, both.Layers[1].Output.H); // pad=1 means size/2 = 2
    }

    [Fact]
    public void GroupedDilatedAndAnisotropicConvolutions()
    {
        var dw = Build(new CfgWriter().Net(8, 8, 4).Section("convolutional", ("filters", 4), ("size", 3), ("pad", 1), ("groups", 4))).Layers[1];
        Assert.Equal(4 * 1 * 9, dw.WeightParameters);
        Assert.Equal("dwconv3x3", dw.Kernel);

        var dilated = Build(new CfgWriter().Net(8, 8, 3).Section("convolutional", ("filters", 2), ("size", 3), ("pad", 1), ("dilation", 2))).Layers[1];
        // AlexeyAB pads pad x dilation (its out size (8 + 2*1 - 3) / 1 + 1 ignores dilation): a dilated "same" conv keeps 8x8.
        Assert.Equal(new TensorShape(1, 2, 8, 8), dilated.Output);

        var wide = Build(new CfgWriter().Net(8, 8, 3).Section("convolutional", ("filters", 2), ("size", 1), ("stride_x", 2), ("stride_y", 1))).Layers[1];
        Assert.Equal(new TensorShape(1, 2, 8, 4), wide.Output);
    }

    [Theory]
    [InlineData(2, 2, null, 4)] // Darknet pads size-1 = 1: (8 + 1 - 2) / 2 + 1
    [InlineData(2, 1, null, 8)] // stride 1 keeps the size: YOLOv3-tiny's 13x13 maxpool
    [InlineData(3, 2, 0, 3)]    // (8 - 3) / 2 + 1
    [InlineData(null, 2, null, 4)] // size defaults to stride
    public void MaxPoolPadsSizeMinusOneByDefault(int? size, int stride, int? padding, int expected)
    {
        var options = new List<(string, object)> { ("stride", stride) };
        if (size is { } s)
        {
            options.Add(("size", s));
        }

        if (padding is { } p)
        {
            options.Add(("padding", p));
        }

        var pool = Build(new CfgWriter().Net(8, 8, 3).Section("maxpool", [.. options])).Layers[1];
        Assert.Equal(LayerKind.MaxPool, pool.Kind);
        Assert.Equal(new TensorShape(1, 3, expected, expected), pool.Output);
    }

    [Fact]
    public void AvgPoolIsGlobal()
    {
        var pool = Build(new CfgWriter().Net(8, 8, 3).Section("avgpool")).Layers[1];
        Assert.Equal(LayerKind.GlobalAvgPool, pool.Kind);
        Assert.Equal(new TensorShape(1, 3, 1, 1), pool.Output);
    }

    [Fact]
    public void ShortcutAddsThePreviousLayerAndItsSources()
    {
        var one = Build(new CfgWriter().Net(8, 8, 3).Conv(4).Conv(4).Section("shortcut", ("from", -2), ("activation", "leaky")));
        Assert.Equal(LayerKind.Add, one.Layers[3].Kind);
        Assert.Equal([2, 1], one.Layers[3].Inputs);
        Assert.Equal("leaky", one.Layers[3].Activation);

        var several = Build(new CfgWriter().Net(8, 8, 3).Conv(3, 1).Conv(3, 1).Conv(3, 1).Section("shortcut", ("from", "-2, 0")));
        Assert.Equal([3, 2, 1], several.Layers[4].Inputs);
        Assert.Null(several.Layers[4].Activation);
        Assert.Equal(new TensorShape(1, 3, 8, 8), several.Layers[4].Output);
    }

    [Fact]
    public void RouteOfOneLayerIsAViewAndOfSeveralAConcat()
    {
        var network = Build(new CfgWriter().Net(8, 8, 3).Conv(4).Conv(8)
            .Section("route", ("layers", -2))
            .Section("route", ("layers", "0, 1")));
        Assert.Equal(LayerKind.View, network.Layers[3].Kind);
        Assert.Equal([1], network.Layers[3].Inputs);
        Assert.Equal(new TensorShape(1, 4, 8, 8), network.Layers[3].Output);
        Assert.Equal(LayerKind.Concat, network.Layers[4].Kind);
        Assert.Equal([1, 2], network.Layers[4].Inputs);
        Assert.Equal(new TensorShape(1, 12, 8, 8), network.Layers[4].Output);
    }

    [Fact]
    public void GroupedRouteCopiesAChannelSlice()
    {
        var network = Build(new CfgWriter().Net(8, 8, 3).Conv(8).Section("route", ("layers", -1), ("groups", 2), ("group_id", 1)));
        var slice = network.Layers[2];
        Assert.Equal(LayerKind.Copy, slice.Kind);
        Assert.Equal("slice", slice.Kernel);
        Assert.Equal([1], slice.Inputs);
        Assert.Equal(new TensorShape(1, 4, 8, 8), slice.Output);
    }

    [Fact]
    public void UpsampleMultipliesBothSides()
    {
        var network = Build(new CfgWriter().Net(8, 8, 3).Section("upsample", ("stride", 4)).Section("upsample"));
        Assert.Equal(new TensorShape(1, 3, 32, 32), network.Layers[1].Output);
        Assert.Equal(new TensorShape(1, 3, 64, 64), network.Layers[2].Output); // default stride 2
    }

    [Theory]
    [InlineData("yolo")]
    [InlineData("region")]
    public void DetectionLayersKeepTheirInputShape(string section)
    {
        var head = Build(new CfgWriter().Net(8, 8, 3).Conv(6, 1).Section(section, ("classes", 1), ("anchors", "1,2, 3,4"))).Layers[2];
        Assert.Equal(LayerKind.Detection, head.Kind);
        Assert.Equal(section, head.Kernel);
        Assert.Equal(new TensorShape(1, 6, 8, 8), head.Output);
    }

    [Fact]
    public void ConnectedFlattensItsInput()
    {
        var fc = Build(new CfgWriter().Net(8, 8, 3).Section("connected", ("output", 10))).Layers[1];
        Assert.Equal(LayerKind.FullyConnected, fc.Kind);
        Assert.Equal(new TensorShape(1, 10, 1, 1), fc.Output);
        Assert.Equal(8 * 8 * 3 * 10, fc.WeightParameters);
        Assert.Equal(10, fc.BiasParameters);
        Assert.Equal("logistic", fc.Activation);
    }

    [Fact]
    public void DropoutIsAViewAndSoftmaxKeepsTheShape()
    {
        var network = Build(new CfgWriter().Net(8, 8, 3).Section("dropout", ("probability", ".5")).Section("softmax", ("groups", 1)));
        Assert.Equal(LayerKind.View, network.Layers[1].Kind);
        Assert.Equal(LayerKind.Softmax, network.Layers[2].Kind);
        Assert.Equal(new TensorShape(1, 3, 8, 8), network.Layers[2].Output);
    }

    [Fact]
    public void ReorgMovesBlocksIntoChannels()
    {
        var reorg = Build(new CfgWriter().Net(8, 8, 3).Section("reorg", ("stride", 2))).Layers[1];
        Assert.Equal(LayerKind.Copy, reorg.Kind);
        Assert.Equal(new TensorShape(1, 12, 4, 4), reorg.Output);
    }

    [Fact]
    public void DarknetsShortSectionNamesAreAccepted()
    {
        var text = new CfgWriter().Section("network", ("width", 8), ("height", 8), ("channels", 3))
            .Section("conv", ("filters", 2)).Section("max", ("size", 2), ("stride", 2)).Section("avg")
            .Section("conn", ("output", 2)).Section("soft");
        var kinds = Build(text).Layers.Select(l => l.Kind);
        Assert.Equal([LayerKind.Input, LayerKind.Convolution, LayerKind.MaxPool, LayerKind.GlobalAvgPool, LayerKind.FullyConnected, LayerKind.Softmax], kinds);
    }

    [Fact]
    public void CommentsWhitespaceCrlfAndBomAreTolerated()
    {
        var text = "\uFEFF# a comment\r\n[net]\r\n; another\r\n  width = 8 \r\nheight=8\r\nchannels=3\r\nbatch=64\r\n\r\n" +
            "[convolutional]\r\n\tfilters = 4   # inline\r\nfilters=8\r\nsize=3\r\npad=1\r\nactivation=leaky";
        var model = CfgWriter.Load(Encoding.UTF8.GetBytes(text));
        var network = model.Build(model.DefaultResolution, 2);
        // The [net] batch is a training setting: the batch passed to Build wins.
        Assert.Equal(new TensorShape(2, 3, 8, 8), network.Input);
        // Darknet's option_find returns the first of repeated keys.
        Assert.Equal(new TensorShape(2, 4, 8, 8), network.Layers[1].Output);
    }
}
