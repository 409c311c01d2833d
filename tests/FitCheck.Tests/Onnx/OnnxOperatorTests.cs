using FitCheck.Graph;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

/// <summary>Operator forms beyond the common path: transposed convolutions, older opsets' attributes, strided slices.</summary>
public sealed class OnnxOperatorTests : IDisposable
{
    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ConvTransposeDoublesTheSizeLikeUNetsUpConvolution()
    {
        // 2x2 stride-2 up-convolution, 64 -> 32 channels; ONNX weights are C_in x C_out x kH x kW.
        var w = new OnnxWriter().Input("x", "N", 64L, "H", "W").Initializer("w", [64, 32, 2, 2]).Initializer("b", [32])
            .Node("ConvTranspose", ["x", "w", "b"], ["y"], "up", OnnxAttr.Ints("strides", 2, 2))
            .Output("y", "N", 32L, "H2", "W2");
        var net = _files.Load("deconv.onnx", w).Build(new Resolution(28, 28), 1);
        var up = net.Layers[1];
        Assert.Equal(LayerKind.ConvTranspose, up.Kind);
        Assert.Equal(new TensorShape(1, 32, 56, 56), up.Output);
        Assert.Equal(64L * 32 * 4, up.WeightParameters);
        Assert.Equal(32L, up.BiasParameters);
        Assert.Equal(64L * 28 * 28 * 32 * 4, up.Macs);
        Assert.Equal("deconv2x2", up.Kernel);
    }

    [Fact]
    public void Opset9AttributesForSplitSqueezeAndSliceAreRead()
    {
        var w = new OnnxWriter { Opset = 9 }.Input("x", "N", 6L, "H", "W")
            .Node("Split", ["x"], ["a", "b"], "split", OnnxAttr.Int("axis", 1), OnnxAttr.Ints("split", 1, 5))
            .Node("Slice", ["b"], ["s"], "slice", OnnxAttr.Ints("starts", 0, 1), OnnxAttr.Ints("ends", 4, 1000), OnnxAttr.Ints("axes", 1, 2))
            .Node("GlobalAveragePool", ["a"], ["g"], "gap")
            .Node("Squeeze", ["g"], ["q"], "squeeze", OnnxAttr.Ints("axes", 2, 3))
            .Output("q", "N", 1L).Output("s", "N", 4L, "H", "W");
        var net = _files.Load("opset9.onnx", w).Build(new Resolution(10, 8), 2);
        var byName = net.Layers.ToDictionary(l => l.Name);
        Assert.Equal(new TensorShape(2, 1, 8, 10), byName["split:0"].Output);
        Assert.Equal(new TensorShape(2, 5, 8, 10), byName["split:1"].Output);
        Assert.Equal(new TensorShape(2, 4, 7, 10), byName["slice"].Output);
        Assert.Equal(new TensorShape(2, 1, 1, 1), byName["squeeze"].Output);
    }

    [Fact]
    public void ANegativeStepSliceReversesAndCountsEveryOtherElement()
    {
        // W = 10: from 9 down to (but excluding) 0 in steps of -2 -> 9, 7, 5, 3, 1 = 5 columns.
        var w = new OnnxWriter().Input("x", "N", 2L, "H", "W")
            .Int64s("starts", -1).Int64s("ends", 0).Int64s("axes", 3).Int64s("steps", -2)
            .Node("Slice", ["x", "starts", "ends", "axes", "steps"], ["y"], "reverse")
            .Output("y", "N", 2L, "H", 5L);
        var net = _files.Load("slice.onnx", w).Build(new Resolution(10, 4), 1);
        Assert.Equal(new TensorShape(1, 2, 4, 5), net.Layers[1].Output);
    }

    [Fact]
    public void GemmWithAnUntransposedWeightMatrixReadsItAsInputsByOutputs()
    {
        var w = new OnnxWriter().Input("x", "N", 32L).Initializer("w", [32, 5]).Initializer("c", [5])
            .Node("Gemm", ["x", "w", "c"], ["y"], "fc").Output("y", "N", 5L);
        var net = _files.Load("gemm.onnx", w).Build(new Resolution(1, 1), 3);
        Assert.Equal(new TensorShape(3, 5, 1, 1), net.Layers[1].Output);
        Assert.Equal(32L * 5 + 5, net.Parameters);
        Assert.Equal(3L * 32 * 5, net.Macs);
    }

    [Fact]
    public void ResizeWithSizesAndUnsqueezeOfAVector()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W").Int64s("sizes", 1, 3, 100, 50).Int64s("axes", 0)
            .Node("Resize", ["x", "", "", "sizes"], ["r"], "resize")
            .Node("Flatten", ["r"], ["f"], "flatten")
            .Node("Unsqueeze", ["f", "axes"], ["u"], "unsqueeze")
            .Output("u", 1L, "N", 15000L);
        var net = _files.Load("sizes.onnx", w).Build(new Resolution(20, 20), 1);
        Assert.Equal(LayerKind.Upsample, net.Layers[1].Kind);
        Assert.Equal(new TensorShape(1, 3, 100, 50), net.Layers[1].Output);
        Assert.Equal(new TensorShape(1, 1, 15000, 1), net.Layers[3].Output);
    }

    [Fact]
    public void DepthwiseConvWithSameLowerPaddingKeepsTheSize()
    {
        var w = new OnnxWriter().Input("x", "N", 32L, "H", "W").Initializer("w", [32, 1, 3, 3])
            .Node("Conv", ["x", "w"], ["y"], "dw", OnnxAttr.Int("group", 32), OnnxAttr.String("auto_pad", "SAME_LOWER"))
            .Output("y", "N", 32L, "H", "W");
        var net = _files.Load("dw.onnx", w).Build(new Resolution(17, 17), 1);
        Assert.Equal(new TensorShape(1, 32, 17, 17), net.Layers[1].Output);
        Assert.Equal("dwconv3x3", net.Layers[1].Kernel);
        Assert.Equal(32L * 9, net.Parameters);
    }
}
