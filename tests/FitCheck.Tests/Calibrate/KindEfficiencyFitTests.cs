using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models;
using FitCheck.Throughput;

namespace FitCheck.Tests.Calibrate;

/// <summary>`calibrate --fit utilization,depthwise`: per-kind efficiency recovered from measurements the model made.</summary>
public class KindEfficiencyFitTests
{
    private static (List<CalibrationRow> Rows, List<IModelSource> Sources) Measure(Accelerator truth, params (string Model, int Side)[] points)
    {
        var rows = new List<CalibrationRow>();
        var sources = new List<IModelSource>();
        foreach (var (model, side) in points)
        {
            var source = ModelSourceResolver.Resolve("zoo:" + model, ".", null);
            var analysis = Evaluator.Analyze(model, source, new Resolution(side, side), 1, Precision.Int8, truth.Code);
            var fps = ThroughputModel.Estimate(analysis, Placer.Place(analysis, truth))!.Fps;
            rows.Add(new CalibrationRow("zoo:" + model, new Resolution(side, side), Precision.Int8, 1, fps, null, ""));
            sources.Add(source);
        }

        return (rows, sources);
    }

    [Fact]
    public void UtilizationAndDepthwiseEfficiencyAreBothRecovered()
    {
        // The "device" runs depthwise layers at 30% of the modelled rate and everything at 40% utilization. The
        // MobileNets carry depthwise work, ResNet-50 carries none, so the two factors are separable.
        // The Edge TPU's array with 64 MiB of fast on-chip memory and no host link: every network compute-bound,
        // so utilization is visible in every row.
        var coral = AcceleratorPresets.Get("coral-edgetpu", null).Accelerator;
        var preset = coral with { Tiers = [Throughput.TestHardware.Sram(64L << 20, 1e13)], Host = null };
        var truth = Calibration.Set(Calibration.Set(preset, 0, 0.4), 1 + Array.IndexOf(KindEfficiency.Names, "depthwise"), 0.3);
        var (rows, sources) = Measure(truth, ("mobilenet-v1", 160), ("mobilenet-v2", 160), ("mobilenet-v2", 224), ("resnet50", 160), ("resnet50", 224));

        var onlyU = Calibration.Run(rows, sources, preset);
        var both = Calibration.Run(rows, sources, preset, ["utilization", "depthwise"]);

        Assert.Equal(0.4, both.Utilization, 2);
        Assert.Equal(0.3, both.Fitted!.ComputeShape.Kinds[2], 2);
        Assert.All(both.Rows, r => Assert.True(Math.Abs(r.LeaveOneOutError!.Value) < 0.01, $"{r.Row.Source}: {r.LeaveOneOutError}"));
        // Utilization alone cannot explain depthwise-heavy and depthwise-free networks at once.
        Assert.True(onlyU.MedianLeaveOneOutError > 0.05, $"utilization alone: {onlyU.MedianLeaveOneOutError}");
    }

    [Fact]
    public void MoreFactorsThanTheRowsCanPinIsRefusedAndAnUnknownFactorNamed()
    {
        var preset = AcceleratorPresets.Get("coral-edgetpu", null).Accelerator;
        var (rows, sources) = Measure(preset, ("mobilenet-v1", 96), ("resnet50", 96), ("mobilenet-v2", 96));
        var few = Assert.Throws<FitCheckException>(() => Calibration.Run(rows, sources, preset, ["utilization", "depthwise"]));
        Assert.Equal("FC1002", few.Diagnostic.Id);
        Assert.Contains("at least 4 measurements", few.Diagnostic.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<FitCheckException>(() => Calibration.Run(rows, sources, preset, ["utilisation"]));
        Assert.Contains("'utilisation'", unknown.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKindFactorSlowsOnlyItsKindAndReadsFromTheManifest()
    {
        var yaml = """
            version: 1
            accelerators:
              - name: npu
                compute: 4 TOPS
                macArray: 64x64
                efficiency:
                  depthwise: 25%
                memory:
                  - name: sram
                    size: 8 MiB
                    bandwidth: 100 GB/s
            models:
              - name: m
                source: zoo:mobilenet-v1
                resolutions: [224x224]
                deploy: [npu]
            """;
        var npu = ManifestParser.Parse("m.yml", yaml).Accelerators[0];
        Assert.Equal([1, 1, 0.25, 1], npu.ComputeShape.Kinds.Factors);
        var plain = npu with { Engine = npu.ComputeShape with { Kinds = KindEfficiency.One } };
        var dw = new LayerShape(WorkKind.Depthwise, 9, 64, 64, 56 * 56, 9, false, 0);
        var pw = new LayerShape(WorkKind.Array, 64, 128, 1, 56 * 56, 1, false, 0);
        Assert.Equal(LayerEfficiency.Of(dw, plain.ComputeShape) * 0.25, LayerEfficiency.Of(dw, npu.ComputeShape), 12);
        Assert.Equal(LayerEfficiency.Of(pw, plain.ComputeShape), LayerEfficiency.Of(pw, npu.ComputeShape), 12);
    }
}
