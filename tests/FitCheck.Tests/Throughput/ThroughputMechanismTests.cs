using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Throughput;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Throughput;

/// <summary>Each mechanism of the throughput model on a network small enough to work out by hand.</summary>
public class ThroughputMechanismTests
{
    private static void Close(double expected, double actual, double tolerance = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void PartialCachingKeepsTheLayerWithMostWeightBytesPerMacAndStreamsTheRest()
    {
        // TwoConvs, int8: conv1 432 weights + 16 x 4 B biases = 496 B for 27,648 MACs (0.0179 B/MAC);
        // conv2 128 + 8 x 4 = 160 B for 8,192 MACs (0.0195 B/MAC). SRAM 2,000 B holds the 1,536 B arena,
        // leaving 464 B: conv2's 160 B are cached first, conv1's 496 B no longer fit and stream.
        var partial = Make(double.PositiveInfinity, 1, OverlapMode.Pipelined, Sram(2_000, double.PositiveInfinity), Dram(1L << 30, 1e9))
            with
        { Caching = WeightCaching.Partial };
        var r = Deploy(TwoConvs(), partial);
        Assert.Equal(160, r.Placement!.WeightCache.CachedBytes);
        Assert.Equal(496, r.Placement.WeightCache.StreamedBytes);
        Assert.Equal([false, true], r.Placement.WeightCache.CachedLayers);
        Assert.Equal(160, r.Throughput!.CachedWeightBytes);
        Assert.Equal(496, r.Throughput.StreamedWeightBytes);
        Close(1e9 / 496, r.Throughput.Fps);
        Assert.Contains("weights cached in sram: 160 B", r.Placement.Summary);

        // All-or-nothing streams all 656 B.
        var whole = Deploy(TwoConvs(), partial with { Caching = WeightCaching.AllOrNothing });
        Assert.False(whole.Placement!.WeightCache.Any);
        Close(1e9 / 656, whole.Throughput!.Fps);
    }

    [Fact]
    public void WinogradExecutesThreeByThreeStrideOneConvolutionsWith2_25TimesFewerMultiplies()
    {
        // 16 -> 16 channels on 8x8: conv3x3 stride 1 = 64 x 16 x 16 x 9 = 147,456 MACs -> 65,536 executed;
        // conv3x3 stride 2 (4x4 out) = 16 x 16 x 16 x 9 = 36,864, not eligible; conv1x1 = 16 x 16 x 16 = 4,096, not eligible.
        var b = new NetworkBuilder("wino", 1, 16, 8, 8);
        var x = b.Conv(b.Input, 16, 3);
        x = b.Conv(x, 16, 3, stride: 2);
        b.Conv(x, 16, 1);
        var acc = Make(1e9, 1, OverlapMode.Pipelined, Sram(1L << 30, double.PositiveInfinity))
            with
        { Engine = new ComputeEngine(0, 0, 0, Winograd: true) };
        var t = Deploy(b.Build(), acc).Throughput!;
        Assert.Equal(147_456 + 36_864 + 4_096, t.NominalMacs);
        Assert.Equal(65_536 + 36_864 + 4_096, t.ExecutedMacs);
        Assert.Equal([65_536L, 36_864L, 4_096L], t.Layers.Select(l => l.ExecutedMacs));
        Close((65_536 + 36_864 + 4_096) / 1e9, t.LatencySeconds);
    }

    [Fact]
    public void EfficiencyFollowsHowALayerMapsOntoTheMacArray()
    {
        // 64x64 array, fill 128 cycles per tile. conv3x3 3 -> 16 on 8x8: K = 27 of 64 rows, N = 16 of 64 columns,
        // P = 64 positions: 27/64 x 16/64 x 64/192 = 0.03515625. Depthwise 3x3 on 16 channels: 9/64 x 16/64 x 64/192.
        var b = new NetworkBuilder("eff", 1, 3, 8, 8);
        var x = b.Conv(b.Input, 16, 3);
        x = b.Conv(x, 16, 3, groups: 16);
        b.MaxPool(x, 2, 2);
        var engine = new ComputeEngine(64, 64, 16, false);
        var acc = Make(4096e9, 1, OverlapMode.Pipelined, Sram(1L << 30, double.PositiveInfinity)) with { Engine = engine };
        var t = Deploy(b.Build(), acc).Throughput!;
        Close(27.0 / 64 * 16 / 64 * 64 / 192, t.Layers[0].Efficiency);
        Close(9.0 / 64 * 16 / 64 * 64 / 192, t.Layers[1].Efficiency);

        // conv1: 27,648 MACs / (4,096 GMAC/s x eff); the pool reads 1,024 elements at 16 per 1 GHz cycle = 64 ns.
        Close(27_648 / (4096e9 * (27.0 / 64 * 16 / 64 * 64 / 192)), t.Layers[0].ComputeSeconds);
        Close(1_024 / 16 / 1e9, t.Layers[2].ComputeSeconds);
    }

    [Fact]
    public void DataflowThroughputIsTheSlowestStageWhileLatencyIsTheSum()
    {
        // TwoConvs: 35,840 MACs at 1 GMAC/s = 35.84 us of compute. Host link 1 MB/s: input 3x8x8 = 192 B and
        // output 8x8x8 = 512 B, 704 us per frame.
        var acc = Make(1e9, 1, OverlapMode.Pipelined, Sram(1L << 30, double.PositiveInfinity)) with { Host = new HostLink(1e6, 0) };
        var layerByLayer = Deploy(TwoConvs(), acc).Throughput!;
        Close(35.84e-6 + 704e-6, layerByLayer.LatencySeconds);
        Close(1 / (35.84e-6 + 704e-6), layerByLayer.Fps);
        Assert.Equal(ThroughputModel.HostBound, layerByLayer.Bound);

        var dataflow = acc with { Execution = ExecutionMode.Dataflow };
        var one = Deploy(TwoConvs(), dataflow).Throughput!;
        Close(1 / 704e-6, one.Fps);
        Close(35.84e-6 + 704e-6, one.LatencySeconds);

        // Batch 2: frames stream one at a time, so throughput and a frame's latency stay; layer-by-layer
        // latency is the whole batch's.
        var two = Deploy(TwoConvs(2), dataflow, batch: 2).Throughput!;
        Close(1 / 704e-6, two.Fps);
        Close(35.84e-6 + 704e-6, two.LatencySeconds);
        var twoLbl = Deploy(TwoConvs(2), acc, batch: 2).Throughput!;
        Close(2 * (35.84e-6 + 704e-6), twoLbl.LatencySeconds);
        Close(2 / (2 * (35.84e-6 + 704e-6)), twoLbl.Fps);
    }

    [Fact]
    public void CalibrationRecoversTheUtilizationThatProducedTheMeasurements()
    {
        // Measurements made by the model itself at 30 % must be fitted back to 30 % with no residual.
        var acc = AcceleratorPresetsFor("coral-edgetpu");
        var truth = acc with { Utilization = 0.3 };
        var rows = new List<CalibrationRow>();
        var sources = new List<IModelSource>();
        foreach (var (model, side) in new[] { ("mobilenet-v1", 224), ("mobilenet-v2", 224), ("resnet50", 299), ("resnet50", 224) })
        {
            var source = ModelSourceResolver.Resolve("zoo:" + model, ".", null);
            var analysis = Evaluator.Analyze(model, source, new Resolution(side, side), 1, Precision.Int8, acc.Code);
            var fps = ThroughputModel.Estimate(analysis, Placer.Place(analysis, truth))!.Fps;
            rows.Add(new CalibrationRow("zoo:" + model, new Resolution(side, side), Precision.Int8, 1, fps, null, ""));
            sources.Add(source);
        }

        var result = Calibration.Run(rows, sources, acc);
        Close(0.3, result.Utilization, 1e-4);
        Assert.All(result.Rows, r => Assert.True(Math.Abs(r.LeaveOneOutError!.Value) < 1e-3, $"{r.Row.Source}: {r.LeaveOneOutError}"));
        Assert.Equal(4, result.WithinLeaveOneOut(0.25));
    }

    [Fact]
    public void CalibrationCsvReportsABadCellAtItsLineAndColumn()
    {
        var e = Assert.Throws<Diagnostics.FitCheckException>(() =>
            CalibrationCsv.Parse("model,resolution,fps\nzoo:resnet50,224,fast\n", "m.csv"));
        Assert.Equal("FC1001", e.Diagnostic.Id);
        Assert.Equal(2, e.Diagnostic.Location!.Line);
        Assert.Equal(18, e.Diagnostic.Location.Column);
        var rows = CalibrationCsv.Parse("model,resolution,batch,latencyMs,note\nzoo:resnet50,224,2,10,\"a, b\"\n", "m.csv");
        Assert.Equal(200, rows[0].MeasuredFps, 9);
        Assert.Equal("a, b", rows[0].Note);
    }

    private static Accelerator AcceleratorPresetsFor(string name) => FitCheck.Manifest.AcceleratorPresets.Get(name, null).Accelerator;
}
