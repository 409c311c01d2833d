using FitCheck.Analysis;
using FitCheck.Graph;
using FitCheck.Hardware;

namespace FitCheck.Tests.Analysis;

public class CodeSizeTests
{
    [Fact]
    public void RuntimePlusDistinctKernelsPlusCommands()
    {
        var b = new NetworkBuilder("t", 1, 3, 16, 16);
        var x = b.Conv(b.Input, 8, 3);
        var y = b.Conv(x, 8, 3);
        var z = b.Add(x, y);
        var v = b.View(z, new TensorShape(1, 8 * 16 * 16, 1, 1));
        b.FullyConnected(v, 10);
        var model = new CodeSizeModel(1000, 100, 10);
        var bytes = CodeSize.Estimate(b.Build(), model, out var kernels);
        // Kernels: conv3x3, add, fc = 3; commands: 2 convs + add + fc = 4 (the view and the input run no code).
        Assert.Equal(3, kernels);
        Assert.Equal(1000 + 3 * 100 + 4 * 10, bytes);
    }
}
