using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Zoo;

public class YoloV3Tests
{
    private static readonly Network At416 = new YoloV3().Build(new Resolution(416, 416), 1);

    [Fact]
    public void ParametersMatchDarknetWithBatchNormFolded()
    {
        // Published: 61.95 M (yolov3.weights). By hand from yolov3.cfg, weights + one bias per filter:
        // 61,922,845 (the 26,304 BN channels would add one more parameter each if BN were not folded).
        Assert.InRange(At416.Parameters, 61.95e6 * 0.995, 61.95e6 * 1.005);
        Assert.Equal(61_922_845L, At416.Parameters);
    }

    [Fact]
    public void MacsAt608AreHalfOfDarknetsBflops()
    {
        // Darknet prints 140.69 BFLOPs for yolov3.cfg at 608x608; BFLOPs = 2 x MACs.
        var at608 = new YoloV3().Build(new Resolution(608, 608), 1);
        Assert.InRange(at608.Macs, 70.345e9 * 0.995, 70.345e9 * 1.005);
        Assert.Equal(70_345_950_208L, at608.Macs);
        Assert.Equal(At416.Parameters, at608.Parameters);
    }

    [Fact]
    public void MacsAt416AreHalfOfDarknetsBflops()
    {
        // 65.86 BFLOPs at 416x416 (Darknet's YOLO web page).
        Assert.InRange(At416.Macs, 32.93e9 * 0.995, 32.93e9 * 1.005);
    }

    [Fact]
    public void LayerCountsFollowTheCfg()
    {
        Assert.Equal(108, At416.Layers.Count);
        Assert.Equal(LayerKind.Input, At416.Layers[0].Kind);
        Assert.Equal(75, At416.Layers.Count(l => l.Kind == LayerKind.Convolution));
        Assert.Equal(23, At416.Layers.Count(l => l.Kind == LayerKind.Add));
        Assert.Equal(2, At416.Layers.Count(l => l.Kind == LayerKind.View));
        Assert.Equal(2, At416.Layers.Count(l => l.Kind == LayerKind.Concat));
        Assert.Equal(2, At416.Layers.Count(l => l.Kind == LayerKind.Upsample));
        Assert.Equal(3, At416.Layers.Count(l => l.Kind == LayerKind.Detection));
        Assert.All(At416.Layers.Where(l => l.Kind == LayerKind.Add), a => Assert.Null(a.Activation));
    }

    [Fact]
    public void DetectionScalesAreStride32_16_8WithTwoHundredFiftyFiveChannels()
    {
        var yolo = At416.Layers.Where(l => l.Kind == LayerKind.Detection).Select(l => l.Output).ToArray();
        Assert.Equal(
            [new TensorShape(1, 255, 13, 13), new TensorShape(1, 255, 26, 26), new TensorShape(1, 255, 52, 52)],
            yolo);
    }

    [Fact]
    public void RoutesReachTheCfgsAbsoluteLayers()
    {
        // Darknet layer i is IR layer i + 1. Route 86 = [85, 61] and route 98 = [97, 36].
        Assert.Equal([86, 62], At416.Layers[87].Inputs);
        Assert.Equal(new TensorShape(1, 768, 26, 26), At416.Layers[87].Output);
        Assert.Equal([98, 37], At416.Layers[99].Inputs);
        Assert.Equal(new TensorShape(1, 384, 52, 52), At416.Layers[99].Output);
        // Route 83 = [79] is a view of the last 512-filter convolution.
        Assert.Equal([80], At416.Layers[84].Inputs);
        Assert.Equal(LayerKind.View, At416.Layers[84].Kind);
    }

    [Fact]
    public void ConvolutionsFollowTheConventionsTheCfgImporterUses()
    {
        var first = At416.Layers[1];
        Assert.Equal("leaky", first.Activation);
        Assert.Equal(32, first.BiasParameters);
        var lastBeforeYolo = At416.Layers[82];
        Assert.Equal(LayerKind.Convolution, lastBeforeYolo.Kind);
        Assert.Null(lastBeforeYolo.Activation);
        Assert.Equal(255, lastBeforeYolo.BiasParameters);
    }

    [Theory]
    [InlineData(600, 600, "576x576 or 608x608")]
    [InlineData(600, 416, "576x416 or 608x416")]
    [InlineData(20, 20, "32x32")]
    [InlineData(1920, 1080, "1920x1056 or 1920x1088")]
    public void ResolutionsNotAMultipleOf32AreRejectedWithTheNearestOnes(int width, int height, string nearest)
    {
        var ex = Assert.Throws<FitCheckException>(() => new YoloV3().Build(new Resolution(width, height), 1));
        Assert.Equal("FC0202", ex.Diagnostic.Id);
        Assert.Equal($"use a multiple of 32, e.g. {nearest}", ex.Diagnostic.Hint);
        Assert.Contains($"{width}x{height}", ex.Diagnostic.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void BatchMustBePositive(int batch)
    {
        var ex = Assert.Throws<FitCheckException>(() => new YoloV3().Build(new Resolution(416, 416), batch));
        Assert.Equal("FC0208", ex.Diagnostic.Id);
    }
}
