using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Tests.Graph;

public class NetworkBuilderTests
{
    [Fact]
    public void ConvolutionShapeParametersAndMacsFollowTheTextbookFormulas()
    {
        var b = new NetworkBuilder("t", 1, 3, 224, 224);
        var c = b.Conv(b.Input, 64, 7, stride: 2, pad: 3, bias: false);
        var layer = b[c];
        Assert.Equal(new TensorShape(1, 64, 112, 112), layer.Output);
        Assert.Equal(64L * 3 * 7 * 7, layer.WeightParameters);
        Assert.Equal(112L * 112 * 64 * 3 * 7 * 7, layer.Macs);
    }

    [Fact]
    public void DepthwiseConvolutionCountsOneFilterPerChannel()
    {
        var b = new NetworkBuilder("t", 1, 32, 112, 112);
        var c = b.Conv(b.Input, 32, 3, groups: 32);
        Assert.Equal(32L * 9, b[c].WeightParameters);
        Assert.Equal("dwconv3x3", b[c].Kernel);
    }

    [Fact]
    public void HugeInputsOverflowIntoADiagnosticNotAWrappedNumber()
    {
        var b = new NetworkBuilder("t", 1L << 20, 1024, 16384, 16384);
        var ex = Assert.Throws<FitCheckException>(() => b.Conv(b.Input, 1024, 3));
        Assert.Equal("FC0204", ex.Diagnostic.Id);
    }

    [Fact]
    public void AWindowLargerThanItsInputIsAShapeError()
    {
        var b = new NetworkBuilder("t", 1, 3, 4, 4);
        var ex = Assert.Throws<FitCheckException>(() => b.Conv(b.Input, 8, 7, pad: 0));
        Assert.Equal("FC0203", ex.Diagnostic.Id);
    }
}
