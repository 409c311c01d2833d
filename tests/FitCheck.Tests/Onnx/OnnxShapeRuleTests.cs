using FitCheck.Graph;

namespace FitCheck.Tests.Onnx;

/// <summary>
/// Shape rules the ONNX backend node tests caught (see Conformance/): ConvTranspose's auto_pad, output_shape and
/// output_padding, and Shape's negative start. Expected sizes are the node tests' reference outputs, worked by hand.
/// </summary>
public sealed class OnnxShapeRuleTests : IDisposable
{
    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private Layer Deconv(string file, params OnnxAttr[] attributes)
    {
        // test_convtranspose_*: X 1x1x3x3, W 1x2x3x3 (C_in x C_out x kH x kW).
        var w = new OnnxWriter().Input("x", 1L, 1L, 3L, 3L).Initializer("w", [1, 2, 3, 3])
            .Node("ConvTranspose", ["x", "w"], ["y"], "up", attributes)
            .Output("y", 1L, 2L, "H", "W");
        return _files.Load(file, w).Build(new Resolution(3, 3), 1).Layers[1];
    }

    [Fact]
    public void SameUpperAutoPadMultipliesTheInputByTheStride()
    {
        // SAME: output = input x stride = 6, not the unpadded 2 x (3 - 1) + 3 = 7.
        var up = Deconv("same.onnx", OnnxAttr.String("auto_pad", "SAME_UPPER"), OnnxAttr.Ints("strides", 2, 2));
        Assert.Equal(new TensorShape(1, 2, 6, 6), up.Output);
        Assert.Equal(9L * 2 * 9, up.Macs);
    }

    [Fact]
    public void OutputShapeWinsOverTheComputedSize()
    {
        var up = Deconv("shape.onnx", OnnxAttr.Ints("strides", 3, 2), OnnxAttr.Ints("output_shape", 10, 8));
        Assert.Equal(new TensorShape(1, 2, 10, 8), up.Output);
    }

    [Fact]
    public void OutputPaddingAddsToTheUnpaddedSize()
    {
        // H: 3 x (3 - 1) + 1 + 3 = 10; W: 2 x (3 - 1) + 1 + 3 = 8.
        var up = Deconv("padding.onnx", OnnxAttr.Ints("strides", 3, 2), OnnxAttr.Ints("output_padding", 1, 1));
        Assert.Equal(new TensorShape(1, 2, 10, 8), up.Output);
    }

    [Fact]
    public void ExplicitPadsAndValidStillApply()
    {
        Assert.Equal(new TensorShape(1, 2, 5, 5), Deconv("pads.onnx", OnnxAttr.Ints("strides", 2, 2), OnnxAttr.Ints("pads", 1, 1, 1, 1)).Output);
        Assert.Equal(new TensorShape(1, 2, 7, 7), Deconv("valid.onnx", OnnxAttr.String("auto_pad", "VALID"), OnnxAttr.Ints("strides", 2, 2)).Output);
    }

    [Fact]
    public void ShapeWithANegativeStartCountsFromTheLastAxis()
    {
        // Shape(x, start=-1) of 1x6x4x5 is [5]; Reshape(x, [1, -1, 5]) is then 1x24x5 (an empty slice would give 1x120).
        var w = new OnnxWriter().Input("x", 1L, 6L, 4L, 5L)
            .Node("Shape", ["x"], ["s"], "shape", OnnxAttr.Int("start", -1))
            .Int64s("lead", 1, -1)
            .Node("Concat", ["lead", "s"], ["target"], "target", OnnxAttr.Int("axis", 0))
            .Node("Reshape", ["x", "target"], ["y"], "reshape")
            .Output("y", 1L, "L", 5L);
        var net = _files.Load("shape_start.onnx", w).Build(new Resolution(5, 4), 1);
        Assert.Equal(new TensorShape(1, 24, 5, 1), net.Layers[^1].Output);
    }
}
