using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Zoo;

public class YoloV3TinyTests
{
    private static readonly Network Net = new YoloV3Tiny().Build(new Resolution(416, 416), 1);

    [Fact]
    public void ParametersAndMacsMatchDarknetsPublishedFigures()
    {
        // Darknet's YOLO page: yolov3-tiny 8.86 M parameters (with BN unfolded), 5.56 BFLOPs at 416 = 2 x MACs.
        // By hand from the cfg with BN folded: 8,849,182 parameters and 2,782,480,896 MACs.
        Assert.InRange(Net.Parameters, 8.86e6 * 0.995, 8.86e6 * 1.005);
        Assert.Equal(8_849_182L, Net.Parameters);
        Assert.InRange(Net.Macs, 2.78e9 * 0.995, 2.78e9 * 1.005);
    }

    [Fact]
    public void LayersFollowTheCfg()
    {
        Assert.Equal(25, Net.Layers.Count);
        Assert.Equal(13, Net.Layers.Count(l => l.Kind == LayerKind.Convolution));
        Assert.Equal(6, Net.Layers.Count(l => l.Kind == LayerKind.MaxPool));
        Assert.Equal(2, Net.Layers.Count(l => l.Kind == LayerKind.Detection));
        // Darknet layer 11 is the size-2 stride-1 pool that keeps 13x13; its one pixel of padding goes at the end.
        Assert.Equal(new TensorShape(1, 512, 13, 13), Net.Layers[12].Output);
        Assert.Equal(new TensorShape(1, 16, 208, 208), Net.Layers[2].Output);
        // Route 20 = [19, 8]: 128 upsampled channels + 256 from the stride-16 convolution.
        Assert.Equal([20, 9], Net.Layers[21].Inputs);
        Assert.Equal(new TensorShape(1, 384, 26, 26), Net.Layers[21].Output);
    }

    [Fact]
    public void DetectionScalesAreStride32And16()
    {
        var yolo = Net.Layers.Where(l => l.Kind == LayerKind.Detection).Select(l => l.Output).ToArray();
        Assert.Equal([new TensorShape(1, 255, 13, 13), new TensorShape(1, 255, 26, 26)], yolo);
    }

    [Fact]
    public void ResolutionsNotAMultipleOf32AreRejected()
    {
        var ex = Assert.Throws<FitCheckException>(() => new YoloV3Tiny().Build(new Resolution(400, 300), 1));
        Assert.Equal("FC0202", ex.Diagnostic.Id);
        Assert.Equal("use a multiple of 32, e.g. 384x288 or 416x320", ex.Diagnostic.Hint);
    }
}
