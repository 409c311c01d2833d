using BenchmarkDotNet.Attributes;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models.Zoo;

namespace FitCheck.Benchmarks;

/// <summary>
/// One model at one resolution, as `check` does it per deployment: build the graph (shape inference, params,
/// MACs), then weights, the planned activation arena and code size. ResNet-50 and YOLOv3, three resolutions each.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private ZooModel _model = null!;
    private Resolution _resolution;

    [Params("resnet50@224x224", "resnet50@448x448", "resnet50@1024x1024", "yolov3@416x416", "yolov3@608x608", "yolov3@1920x1088")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split('@');
        _model = ModelZoo.Get(parts[0], null);
        _resolution = Resolution.Parse(parts[1]);
    }

    [Benchmark]
    public ModelAnalysis Analyze() =>
        Evaluator.Analyze(_model.Name, _model, _resolution, 1, Precision.Int8, CodeSizeModel.Default);
}
