using System.Runtime.CompilerServices;
using FitCheck.Analysis;
using FitCheck.Graph;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

/// <summary>
/// Files written by another serializer. small-ort-optimized.onnx is <see cref="NetworkToOnnxTests.SmallNetwork"/>
/// written by <see cref="NetworkToOnnx"/>, loaded by onnxruntime 1.x (onnxruntime-node) with
/// graphOptimizationLevel "basic" and saved through optimizedModelFilePath: re-serialized by protobuf C++.
/// conv-bn-ort-fused.onnx is a 3x3 conv (3 → 8, no bias) + BatchNormalization + Relu saved the same way:
/// onnxruntime's ConvBnFusion turned it into one Conv with a bias, the folding FitCheck assumes.
/// </summary>
public sealed class OnnxFixtureTests
{
    private static string Fixture(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name);

    [Fact]
    public void AFileReserializedByOnnxRuntimeImportsToTheSameNetwork()
    {
        var model = OnnxModel.Load(Fixture("small-ort-optimized.onnx"));
        Assert.Equal(Precision.Fp32, model.WeightPrecision);
        var imported = model.Build(new Resolution(64, 64), 1);
        var original = NetworkToOnnxTests.SmallNetwork(64);
        Assert.Equal(6266L, imported.Parameters);
        Assert.Equal(original.Macs, imported.Macs);
        Assert.Equal(original.Layers[^1].Output, imported.Layers[^1].Output);
    }

    [Fact]
    public void OnnxRuntimesConvBatchNormFusionMatchesFitChecksFolding()
    {
        var fused = OnnxModel.Load(Fixture("conv-bn-ort-fused.onnx")).Build(new Resolution(16, 16), 1);

        // 8 filters x 3 channels x 3 x 3 weights, plus one bias per filter from the folded batch norm.
        Assert.Equal(8L * 27 + 8, fused.Parameters);
        Assert.Equal(3, fused.Layers.Count);
        Assert.Equal(8L, fused.Layers[1].BiasParameters);
        Assert.Equal(16L * 16 * 8 * 27, fused.Macs);
    }
}
