using FitCheck.Analysis;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Equivalence;

/// <summary>One network, three ways in: the figures must not depend on where the model came from.</summary>
public class SourceEquivalenceTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "Darknet", "Data", file);

    [Theory]
    [InlineData("yolov3", "yolov3.cfg", 416, 416)]
    [InlineData("yolov3", "yolov3.cfg", 608, 608)]
    [InlineData("yolov3", "yolov3.cfg", 1920, 1088)]
    [InlineData("yolov3-tiny", "yolov3-tiny.cfg", 416, 416)]
    public void ZooAndDarknetCfgAgree(string zooName, string cfg, int w, int h)
    {
        var r = new Resolution(w, h);
        var zoo = ModelZoo.Get(zooName, null).Build(r, 1);
        var fromCfg = ModelSourceResolver.Resolve(Data(cfg), AppContext.BaseDirectory, null).Build(r, 1);
        Assert.Equal(zoo.Parameters, fromCfg.Parameters);
        Assert.Equal(zoo.Macs, fromCfg.Macs);
        Assert.Equal(zoo.Layers.Count, fromCfg.Layers.Count);
        var a = ActivationPlanner.Plan(zoo, Precision.Int8);
        var b = ActivationPlanner.Plan(fromCfg, Precision.Int8);
        Assert.Equal(a.PeakBytes, b.PeakBytes);
        Assert.Equal(a.LowerBoundBytes, b.LowerBoundBytes);
        Assert.Equal(CodeSize.Estimate(zoo, CodeSizeModel.Default, out _), CodeSize.Estimate(fromCfg, CodeSizeModel.Default, out _));
    }
}

/// <summary>The zoo's networks written as ONNX files and read back by the streaming importer.</summary>
public sealed class OnnxEquivalenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-equiv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("resnet50", 224, 224)]
    [InlineData("yolov3-tiny", 416, 416)]
    public void ZooAndOnnxAgree(string zooName, int w, int h)
    {
        var r = new Resolution(w, h);
        var zoo = ModelZoo.Get(zooName, null).Build(r, 1);
        var path = FitCheck.Tests.Onnx.NetworkToOnnx.Convert(zoo).Save(Path.Combine(_dir, zooName + ".onnx"));
        var fromOnnx = ModelSourceResolver.Resolve(path, _dir, null).Build(r, 1);
        Assert.Equal(zoo.Parameters, fromOnnx.Parameters);
        Assert.Equal(zoo.Macs, fromOnnx.Macs);
        var a = ActivationPlanner.Plan(zoo, Precision.Int8);
        var b = ActivationPlanner.Plan(fromOnnx, Precision.Int8);
        Assert.Equal(a.PeakBytes, b.PeakBytes);
        Assert.Equal(a.LowerBoundBytes, b.LowerBoundBytes);
        Assert.Equal(a.LargestTensorBytes, b.LargestTensorBytes);
    }
}

/// <summary>
/// The zoo's networks written as .tflite files (and as ONNX) and read back: the three readers must give the
/// same parameters, MACs and activation plan for the same network.
/// </summary>
public sealed class TfliteEquivalenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-equiv-tflite-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("resnet50", 224, 224, true)]
    [InlineData("mobilenet-v2", 224, 224, false)]
    [InlineData("yolov3-tiny", 416, 416, true)]
    public void ZooOnnxAndTfliteAgree(string zooName, int w, int h, bool alsoOnnx)
    {
        var r = new Resolution(w, h);
        var zoo = ModelZoo.Get(zooName, null).Build(r, 1);
        var tflitePath = FitCheck.Tests.Tflite.NetworkToTflite.Convert(zoo).Save(Path.Combine(_dir, zooName + ".tflite"));
        var tflite = ModelSourceResolver.Resolve(tflitePath, _dir, null);
        Assert.Equal(r, tflite.DefaultResolution);
        var fromTflite = tflite.Build(r, 1);
        List<Network> others = [zoo];
        if (alsoOnnx)
        {
            // The ONNX test writer knows relu and leaky, not relu6 (MobileNet-V2).
            var onnxPath = FitCheck.Tests.Onnx.NetworkToOnnx.Convert(zoo).Save(Path.Combine(_dir, zooName + ".onnx"));
            others.Add(ModelSourceResolver.Resolve(onnxPath, _dir, null).Build(r, 1));
        }

        foreach (var other in others)
        {
            Assert.Equal(other.Parameters, fromTflite.Parameters);
            Assert.Equal(other.Macs, fromTflite.Macs);
            var a = ActivationPlanner.Plan(other, Precision.Int8);
            var b = ActivationPlanner.Plan(fromTflite, Precision.Int8);
            Assert.Equal(a.PeakBytes, b.PeakBytes);
            Assert.Equal(a.LowerBoundBytes, b.LowerBoundBytes);
            Assert.Equal(a.LargestTensorBytes, b.LargestTensorBytes);
        }

        // Layer by layer against the zoo: the compute layers line up in order, with the same shapes and costs.
        var zooCompute = zoo.Layers.Where(l => l.Macs > 0).Select(l => (l.Output, l.Parameters, l.Macs, l.Kernel));
        var tfliteCompute = fromTflite.Layers.Where(l => l.Macs > 0).Select(l => (l.Output, l.Parameters, l.Macs, l.Kernel));
        Assert.Equal(zooCompute, tfliteCompute);
    }
}
