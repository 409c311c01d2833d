using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Darknet;

namespace FitCheck.Tests.Darknet;

/// <summary>
/// The sections beyond the YOLO set that Darknet's parsers accept, each on a tiny input against a hand count of
/// its shape, parameters and MACs (formulas from Darknet's *_layer.c, written out in each comment).
/// </summary>
public class DarknetParserSectionTests
{
    private static Network Build(CfgWriter cfg)
    {
        var model = cfg.Load();
        return model.Build(model.DefaultResolution, 1);
    }

    private static Layer Last(CfgWriter cfg) => Build(cfg).Layers[^1];

    [Fact]
    public void ShortcutAcrossChannelCountsKeepsThePreviousLayersShape()
    {
        // resnet50.cfg's first bottleneck: 64 channels added onto 256; Darknet adds the first 64 and keeps 256.
        var add = Last(new CfgWriter().Net(8, 8, 3).Conv(4).Conv(8, size: 1).Section("shortcut", ("from", -2), ("activation", "linear")));
        Assert.Equal(LayerKind.Add, add.Kind);
        Assert.Equal(new TensorShape(1, 8, 8, 8), add.Output);
        Assert.Equal([2, 1], add.Inputs);
        Assert.Equal(0, add.Parameters);
        Assert.Equal(0, add.Macs);
    }

    [Fact]
    public void ShortcutFromALargerMapSamplesItWithAWholeStride()
    {
        // pjreddie's ResNet-18: a 16x16x4 map added onto the 8x8x8 output of a stride-2 convolution.
        var add = Last(new CfgWriter().Net(16, 16, 3).Conv(4).Conv(8, stride: 2).Section("shortcut", ("from", -2)));
        Assert.Equal(new TensorShape(1, 8, 8, 8), add.Output);
    }

    [Fact]
    public void WeightedShortcutCountsItsWeights()
    {
        // per_channel: (inputs + 1) x C = 2 x 8 weights; each of the 2 inputs is scaled element by element: 2 x 512 MACs.
        var add = Last(new CfgWriter().Net(8, 8, 3).Conv(8).Conv(8).Section("shortcut", ("from", -2), ("weights_type", "per_channel")));
        Assert.Equal(16, add.WeightParameters);
        Assert.Equal(2 * 8 * 8 * 8, add.Macs);
        var perFeature = Last(new CfgWriter().Net(8, 8, 3).Conv(8).Conv(8).Section("shortcut", ("from", -2), ("weights_type", "per_feature")));
        Assert.Equal(2, perFeature.WeightParameters);
    }

    [Fact]
    public void CropTakesTheCentreAtInference()
    {
        var crop = Last(new CfgWriter().Net(10, 12, 3).Section("crop", ("crop_height", 8), ("crop_width", 6), ("flip", 1)));
        Assert.Equal(LayerKind.Copy, crop.Kind);
        Assert.Equal(new TensorShape(1, 3, 8, 6), crop.Output);
    }

    [Fact]
    public void CropLargerThanItsInputIsLocated()
    {
        var cfg = new CfgWriter().Net(4, 4, 3);
        var line = cfg.NextLine;
        var model = cfg.Section("crop", ("crop_height", 8), ("crop_width", 8)).Load();
        var e = Assert.Throws<FitCheckException>(() => model.Build(model.DefaultResolution, 1));
        Assert.Equal(new SourceLocation("test.cfg", line, 1), e.Diagnostic.Location);
        Assert.Contains("cannot crop 8x8 out of a 4x4 map", e.Diagnostic.Message);
    }

    [Fact]
    public void ReorgForwardReverseAndExtra()
    {
        Assert.Equal(new TensorShape(1, 12, 4, 4), Last(new CfgWriter().Net(8, 8, 3).Section("reorg3d", ("stride", 2))).Output);
        Assert.Equal(new TensorShape(1, 2, 8, 8), Last(new CfgWriter().Net(4, 4, 8).Section("reorg", ("stride", 2), ("reverse", 1))).Output);
        // pjreddie's go.cfg: extra=1 flattens 2x2x3 and appends one value.
        Assert.Equal(new TensorShape(1, 13, 1, 1), Last(new CfgWriter().Net(2, 2, 3).Section("reorg", ("stride", 1), ("extra", 1))).Output);
    }

    [Fact]
    public void LocalLayerHasWeightsPerPosition()
    {
        // local_out_height: pad=1 gives (7 − 1) / 1 + 1 = 7; weights C x n x size² x positions = 3 x 2 x 9 x 49.
        var local = Last(new CfgWriter().Net(7, 7, 3).Section("local", ("filters", 2), ("size", 3), ("stride", 1), ("pad", 1)));
        Assert.Equal(new TensorShape(1, 2, 7, 7), local.Output);
        Assert.Equal(2646, local.WeightParameters);
        Assert.Equal(98, local.BiasParameters); // one per output value
        Assert.Equal(2646, local.Macs);
        Assert.Equal("logistic", local.Activation);
        // pad=0: (7 − 3) / 1 + 1 = 5.
        Assert.Equal(5, Last(new CfgWriter().Net(7, 7, 3).Section("local", ("filters", 2), ("size", 3))).Output.H);
    }

    [Fact]
    public void DeconvolutionalFollowsPjreddiesFormula()
    {
        // (4 − 1) x 2 + 4 − 2 x 2 = 6; weights 3 x 2 x 4²; MACs 4 x 4 x 3 x 2 x 4².
        var deconv = Last(new CfgWriter().Net(4, 4, 3).Section("deconvolutional", ("filters", 2), ("size", 4), ("stride", 2), ("pad", 1)));
        Assert.Equal(LayerKind.ConvTranspose, deconv.Kind);
        Assert.Equal(new TensorShape(1, 2, 6, 6), deconv.Output);
        Assert.Equal(96, deconv.WeightParameters);
        Assert.Equal(2, deconv.BiasParameters);
        Assert.Equal(1536, deconv.Macs);
    }

    [Theory]
    // [rnn]: 5→4, 4→4, 4→3 connected layers: 20 + 16 + 12 weights, 4 + 4 + 3 biases.
    [InlineData("rnn", 48, 11)]
    // [gru]: three 5→3 and three 3→3: 3 x (15 + 9) weights, 6 x 3 biases.
    [InlineData("gru", 72, 18)]
    // [lstm]: four 5→3 and four 3→3: 4 x (15 + 9) weights, 8 x 3 biases.
    [InlineData("lstm", 96, 24)]
    public void RecurrentLayersAreTheirConnectedLayers(string section, long weights, long biases)
    {
        var cfg = new CfgWriter().Section("net", ("inputs", 5)).Section(section, ("output", 3), ("hidden", 4));
        if (section != "rnn")
        {
            cfg = new CfgWriter().Section("net", ("inputs", 5)).Section(section, ("output", 3));
        }

        var layer = Last(cfg);
        Assert.Equal(new TensorShape(1, 3, 1, 1), layer.Output);
        Assert.Equal(weights, layer.WeightParameters);
        Assert.Equal(biases, layer.BiasParameters);
        Assert.Equal(weights, layer.Macs);
    }

    [Fact]
    public void TimeStepsRunAsABatchThatManyTimesLarger()
    {
        var model = new CfgWriter().Section("net", ("inputs", 5), ("time_steps", 4)).Section("lstm", ("output", 3)).Load();
        var network = model.Build(model.DefaultResolution, 1);
        Assert.Equal(new TensorShape(4, 5, 1, 1), network.Input);
        Assert.Equal(4 * 96, network.Layers[^1].Macs);
        Assert.Equal(96, network.Layers[^1].WeightParameters);
    }

    [Fact]
    public void AVectorNetworkTakesOnlyResolutionOneByOne()
    {
        var model = new CfgWriter().Section("net", ("inputs", 5)).Section("connected", ("output", 2)).Load();
        Assert.Equal(new Resolution(1, 1), model.DefaultResolution);
        var e = Assert.Throws<FitCheckException>(() => model.Build(new Resolution(8, 8), 1));
        Assert.Contains("vector of 5 inputs", e.Diagnostic.Message);
        Assert.Contains("1x1", e.Diagnostic.Hint);
    }

    [Fact]
    public void ConvolutionalRecurrentLayers()
    {
        // [crnn] 2→4, 4→4, 4→3 at 3x3 with pad 1 on 6x6: (8 + 16 + 12) x 9 weights, 4 + 4 + 3 biases, 36 positions.
        var crnn = Last(new CfgWriter().Net(6, 6, 2).Section("crnn", ("size", 3), ("pad", 1), ("output", 3), ("hidden", 4)));
        Assert.Equal(new TensorShape(1, 3, 6, 6), crnn.Output);
        Assert.Equal(324, crnn.WeightParameters);
        Assert.Equal(11, crnn.BiasParameters);
        Assert.Equal(36 * 324, crnn.Macs);

        // [conv_lstm] four 2→3 and four 3→3 convolutions at 3x3: (24 + 36) x 9; peephole adds three 3→3.
        var lstm = Last(new CfgWriter().Net(5, 5, 2).Section("conv_lstm", ("output", 3), ("size", 3), ("pad", 1)));
        Assert.Equal(new TensorShape(1, 3, 5, 5), lstm.Output);
        Assert.Equal(540, lstm.WeightParameters);
        Assert.Equal(24, lstm.BiasParameters);
        Assert.Equal(25 * 540, lstm.Macs);
        var peephole = Last(new CfgWriter().Net(5, 5, 2).Section("conv_lstm", ("output", 3), ("size", 3), ("pad", 1), ("peephole", 1)));
        Assert.Equal(540 + 243, peephole.WeightParameters);
        Assert.Equal(33, peephole.BiasParameters);
    }

    [Fact]
    public void SamMultipliesTwoMapsOfOneShape()
    {
        var sam = Last(new CfgWriter().Net(8, 8, 3).Conv(4).Conv(4).Section("sam", ("from", -2)));
        Assert.Equal(LayerKind.Mul, sam.Kind);
        Assert.Equal([2, 1], sam.Inputs);
        Assert.Equal(new TensorShape(1, 4, 8, 8), sam.Output);
    }

    [Fact]
    public void ScaleChannelsScalesTheSourceMapPerChannelOrPerPosition()
    {
        // Squeeze-excitation: conv (8x8x4), global pool (4x1x1), 1x1 conv (4x1x1), scale layer 0 by it.
        var se = Last(new CfgWriter().Net(8, 8, 3).Conv(4).Section("avgpool").Section("convolutional", ("filters", 4))
            .Section("scale_channels", ("from", -3)));
        Assert.Equal(LayerKind.Mul, se.Kind);
        Assert.Equal([1, 3], se.Inputs);
        Assert.Equal(new TensorShape(1, 4, 8, 8), se.Output);

        var spatial = Last(new CfgWriter().Net(8, 8, 3).Conv(4).Section("convolutional", ("filters", 1))
            .Section("scale_channels", ("from", -2), ("scale_wh", 1)));
        Assert.Equal(new TensorShape(1, 4, 8, 8), spatial.Output);
    }

    [Fact]
    public void ScaleChannelsWithAMapInsteadOfScalesIsLocated()
    {
        var cfg = new CfgWriter().Net(8, 8, 3).Conv(4).Conv(4);
        var line = cfg.NextLine;
        var model = cfg.Section("scale_channels", ("from", -2)).Load();
        var e = Assert.Throws<FitCheckException>(() => model.Build(model.DefaultResolution, 1));
        Assert.Equal(new SourceLocation("test.cfg", line, 1), e.Diagnostic.Location);
    }

    [Fact]
    public void PoolingForms()
    {
        // Negative upsample stride downsamples: 8 / 2 = 4.
        var down = Last(new CfgWriter().Net(8, 8, 3).Section("upsample", ("stride", -2)));
        Assert.Equal(new TensorShape(1, 3, 4, 4), down.Output);
        Assert.Equal(LayerKind.AvgPool, down.Kind);

        // maxpool_depth keeps the map and gives out_channels maps.
        Assert.Equal(new TensorShape(1, 2, 8, 8), Last(new CfgWriter().Net(8, 8, 6).Section("maxpool", ("maxpool_depth", 1), ("out_channels", 2))).Output);

        // stride_x=2, stride_y=1, padding size − 1 = 1: W (8 + 1 − 2) / 2 + 1 = 4, H (8 + 1 − 2) / 1 + 1 = 8.
        Assert.Equal(new TensorShape(1, 3, 8, 4), Last(new CfgWriter().Net(8, 8, 3).Section("maxpool", ("size", 2), ("stride_x", 2), ("stride_y", 1))).Output);

        var local = Last(new CfgWriter().Net(8, 8, 3).Section("local_avgpool", ("size", 2), ("stride", 2)));
        Assert.Equal(LayerKind.AvgPool, local.Kind);
        Assert.Equal(new TensorShape(1, 3, 4, 4), local.Output);
    }

    [Fact]
    public void NormalizationLayers()
    {
        // A batch norm with no convolution to fold into keeps C scales and C shifts: 3 + 3, one MAC per value.
        var bn = Last(new CfgWriter().Net(4, 4, 3).Section("batchnorm"));
        Assert.Equal(LayerKind.Normalization, bn.Kind);
        Assert.Equal((3, 3, 48), (bn.WeightParameters, bn.BiasParameters, bn.Macs));
        Assert.Equal(48 * 5, Last(new CfgWriter().Net(4, 4, 3).Section("lrn", ("size", 5))).Macs);
        Assert.Equal(48, Last(new CfgWriter().Net(4, 4, 3).Section("l2norm")).Macs);
    }

    [Theory]
    [InlineData("cost")]
    [InlineData("contrastive")]
    [InlineData("empty")]
    [InlineData("silence")]
    [InlineData("dropout")]
    public void TrainingOnlyAndEmptySectionsAreViews(string section)
    {
        var view = Last(new CfgWriter().Net(4, 4, 3).Section(section));
        Assert.Equal(LayerKind.View, view.Kind);
        Assert.Equal(new TensorShape(1, 3, 4, 4), view.Output);
    }

    [Theory]
    [InlineData("detection")]
    [InlineData("Gaussian_yolo")]
    [InlineData("iseg")]
    public void DetectionHeadsReadTheirInput(string section)
    {
        var head = Last(new CfgWriter().Net(4, 4, 3).Conv(8).Section(section));
        Assert.Equal(LayerKind.Detection, head.Kind);
        Assert.Equal(new TensorShape(1, 8, 4, 4), head.Output);
    }

    [Fact]
    public void ActivationsAndLearnedTensors()
    {
        var mish = Last(new CfgWriter().Net(4, 4, 3).Section("activation", ("activation", "mish")));
        Assert.Equal((LayerKind.Activation, "mish"), (mish.Kind, mish.Activation));
        Assert.Equal(LayerKind.View, Last(new CfgWriter().Net(4, 4, 3).Section("activation")).Kind);
        Assert.Equal("logistic", Last(new CfgWriter().Net(4, 4, 3).Section("logistic")).Activation);

        // [implicit]: filters x atoms learned values, read from no input.
        var implicitLayer = Last(new CfgWriter().Net(8, 8, 3).Section("implicit", ("filters", 4), ("atoms", 2)));
        Assert.Equal(new TensorShape(1, 4, 2, 1), implicitLayer.Output);
        Assert.Equal(8, implicitLayer.WeightParameters);
        Assert.Empty(implicitLayer.Inputs);

        Assert.Equal(new TensorShape(1, 9, 4, 4), Last(new CfgWriter().Net(4, 4, 3).Section("history", ("history_size", 3))).Output);
    }

    [Fact]
    public void SharedWeightsAreCountedOnceButComputedTwice()
    {
        // Trident: the second convolution reuses layer 0's 4 x 4 x 9 weights at dilation 2 (pad 1 x 2 keeps 8x8).
        var network = Build(new CfgWriter().Net(8, 8, 4)
            .Section("convolutional", ("filters", 4), ("size", 3), ("pad", 1))
            .Section("convolutional", ("filters", 4), ("size", 3), ("pad", 1), ("dilation", 2), ("share_index", 0)));
        var shared = network.Layers[2];
        Assert.Equal(new TensorShape(1, 4, 8, 8), shared.Output);
        Assert.Equal(0, shared.Parameters);
        Assert.Equal(8 * 8 * 4 * 4 * 9, shared.Macs);
        Assert.Equal(network.Layers[1].Macs, shared.Macs);
    }

    [Fact]
    public void SharingWeightsWithADifferentLayerIsRefused()
    {
        var cfg = new CfgWriter().Net(8, 8, 4).Section("convolutional", ("filters", 4), ("size", 3), ("pad", 1));
        var line = cfg.NextLine + 4;
        var e = Assert.Throws<FitCheckException>(() =>
            cfg.Section("convolutional", ("filters", 8), ("size", 3), ("pad", 1), ("share_index", 0)).Load());
        Assert.Equal("FC0416", e.Diagnostic.Id);
        Assert.Equal(line, e.Diagnostic.Location!.Line);
    }
}
