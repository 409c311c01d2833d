using FitCheck.Advice;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Advice;

/// <summary>
/// The dataflow period floor that lets `advise` bisect on `minFps` for dataflow parts: for every zoo model on
/// every dataflow preset, at its default size and at 1.5x and 2x, no evaluated period (batch / fps) is below it,
/// and it grows with the size.
/// </summary>
public sealed class DataflowFloorTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var preset in AcceleratorPresets.All.Where(p => p.Accelerator.Execution == ExecutionMode.Dataflow))
        {
            foreach (var model in ModelZoo.All)
            {
                data.Add(model.Name, preset.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFloorIsNeverAboveTheModelsPeriod(string model, string preset)
    {
        var source = ModelZoo.Get(model, null);
        var acc = AcceleratorPresets.Get(preset, null).Accelerator;
        var previous = 0.0;
        foreach (var scale in new[] { 1.0, 1.5, 2.0 })
        {
            var side = (int)(source.DefaultResolution.Width * scale);
            var size = source.Sides.Accepts(side) ? new Resolution(side, side) : source.DefaultResolution;
            var a = Evaluator.Analyze(model, source, size, 1, Precision.Int8, CodeSizeModel.Default).WithCodeModel(acc.Code);
            var floor = LatencyFloor.DataflowPeriodSeconds(a, acc);
            Assert.True(floor >= previous, $"{model} on {preset}: the floor shrank at {size}");
            previous = floor;
            if (Evaluator.Deploy(a, acc, GateSpec.None).Throughput is { } t)
            {
                Assert.True(t.Batch / t.Fps >= floor, $"{model} {size} on {preset}: period {t.Batch / t.Fps} s below the floor {floor} s");
            }
        }
    }
}
