using FitCheck.Graph;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

public sealed class NetworkToOnnxTests : IDisposable
{
    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A small network using every layer kind the converter writes: a stem, a residual block, a concat, an upsample and a head.</summary>
    internal static Network SmallNetwork(int size, int batch = 1)
    {
        var b = new NetworkBuilder("small", batch, 3, size, size);
        var stem = b.Conv(b.Input, 16, 3, stride: 2, activation: "relu", name: "stem");
        var pool = b.MaxPool(stem, 3, 2, pad: 1, name: "pool");
        var a = b.Conv(pool, 16, 3, bias: false, activation: "relu", name: "block.conv1");
        var c = b.Conv(a, 16, 3, bias: true, name: "block.conv2");
        var add = b.Add(pool, c, activation: "relu", name: "block.add");
        var dw = b.Conv(add, 16, 3, groups: 16, activation: "leaky", name: "dw");
        var down = b.Conv(dw, 32, 1, stride: 2, name: "down");
        var up = b.Upsample(down, 2, name: "up");
        var cat = b.Concat([up, add], name: "cat");
        var gap = b.GlobalAvgPool(cat, name: "gap");
        b.FullyConnected(gap, 10, name: "fc");
        return b.Build();
    }

    [Fact]
    public void TheSmallNetworkHasTheHandCountedParameters()
    {
        var net = SmallNetwork(64);

        // stem 16*3*9+16, conv1 16*16*9, conv2 16*16*9+16, dw 16*9+16, down 32*16+32, fc 48*10+10.
        Assert.Equal(448L + 2304 + 2320 + 160 + 544 + 490, net.Parameters);
    }

    [Fact]
    public void ImportingTheWrittenFileGivesTheSameNetwork()
    {
        var original = SmallNetwork(64);
        var path = _files.Write("small.onnx", NetworkToOnnx.Convert(original));
        var imported = OnnxModel.Load(path).Build(new Resolution(64, 64), 1);

        Assert.Equal(6266L, imported.Parameters);
        Assert.Equal(original.Parameters, imported.Parameters);
        Assert.Equal(original.Macs, imported.Macs);
        var byName = imported.Layers.ToDictionary(l => l.Name);
        foreach (var layer in original.Layers)
        {
            var twin = byName[layer.Name];
            Assert.Equal(layer.Output, twin.Output);
            Assert.Equal(layer.Kind, twin.Kind);
            Assert.Equal(layer.WeightParameters, twin.WeightParameters);
            Assert.Equal(layer.BiasParameters, twin.BiasParameters);
            Assert.Equal(layer.Macs, twin.Macs);
        }

        // Fused activations come back as their own in-place layers; flatten as a view.
        Assert.Equal(4, imported.Layers.Count(l => l.Kind == LayerKind.Activation));
        Assert.Equal(original.Layers.Count + 5, imported.Layers.Count);
    }

    [Fact]
    public void TheDynamicFileBuildsAtOtherSizesLikeTheBuilder()
    {
        var path = _files.Write("small.onnx", NetworkToOnnx.Convert(SmallNetwork(64)));
        var model = OnnxModel.Load(path);
        var original = SmallNetwork(128, batch: 2);
        var imported = model.Build(new Resolution(128, 128), 2);
        Assert.Equal(original.Macs, imported.Macs);
        Assert.Equal(original.Layers[^1].Output, imported.Layers[^1].Output);
    }
}
