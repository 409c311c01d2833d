using BenchmarkDotNet.Attributes;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models;
using FitCheck.Models.Zoo;
using FitCheck.Throughput;

namespace FitCheck.Benchmarks;

/// <summary>
/// 10,000 model x resolution x accelerator evaluations of YOLOv3 (107 layers): 25 resolutions from
/// 320x320 to 1088x1088 x 400 accelerators (on-chip SRAM 1 to 40 MiB, DRAM 4 to 40 GB/s, both overlap
/// modes). <see cref="Sweep10k"/> is the whole `sweep` (25 networks built and planned, then 10,000
/// placements and throughput estimates); <see cref="Deploy10k"/> is the accelerator-dependent part alone,
/// with check gates, on analyses cached once. Target: under 1 s on a 2-core machine.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private IModelSource _yolo = null!;
    private Resolution[] _resolutions = null!;
    private Accelerator[] _accelerators = null!;
    private ModelAnalysis[] _analyses = null!;
    private readonly GateSpec _gates = new(ActivationsIn: GateSpec.OnChip, MinFps: 30);

    [GlobalSetup]
    public void Setup()
    {
        _yolo = ModelZoo.Get("yolov3", null);
        _resolutions = Enumerable.Range(0, 25).Select(i => new Resolution(320 + 32 * i, 320 + 32 * i)).ToArray();
        _accelerators = Enumerable.Range(0, 400).Select(i => new Accelerator(
            $"acc{i}", 4e12, 0.6, i % 2 == 0 ? OverlapMode.Pipelined : OverlapMode.Serialized,
            [
                new MemoryTier("sram", (1 + i % 40) * 1024L * 1024, 1, 400e9, true),
                new MemoryTier("dram", 4L << 30, 1, (4 + i / 40 * 4) * 1e9, false),
            ],
            CodeSizeModel.Default)).ToArray();
        _analyses = _resolutions.Select(r => Evaluator.Analyze("yolov3", _yolo, r, 1, Precision.Int8, CodeSizeModel.Default)).ToArray();
        foreach (var a in _analyses)
        {
            TrafficProfile.For(a);
        }
    }

    [Benchmark]
    public int Sweep10k() => Sweep.Run([_yolo], _resolutions, _accelerators, Precision.Int8, 1).Points.Count;

    [Benchmark]
    public int Deploy10k()
    {
        var passed = 0;
        foreach (var analysis in _analyses)
        {
            foreach (var acc in _accelerators)
            {
                passed += Evaluator.Deploy(analysis, acc, _gates).Passed == true ? 1 : 0;
            }
        }

        return passed;
    }
}
