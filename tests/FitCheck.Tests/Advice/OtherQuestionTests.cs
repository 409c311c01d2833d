using FitCheck.Advice;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Manifest;
using static FitCheck.Tests.Advice.AdviceFixtures;

namespace FitCheck.Tests.Advice;

public class OtherQuestionTests
{
    /// <summary>The answer passes with its size and fails 1 KiB (per tile) below it, checked by the pipeline.</summary>
    [Theory]
    [InlineData("yolov3", 608, "inferx-x1", "l2-sram")]
    [InlineData("yolov3", 416, "coral-edgetpu", "sram")]
    [InlineData("resnet50", 448, "ethos-u55-256", "sram")]
    [InlineData("efficientnet-b0", 512, "jetson-orin-nano", "l2-cache")]
    public void MinMemoryPassesAndOneStepLessFails(string model, int side, string preset, string tier)
    {
        var t = Target(model, preset, new GateSpec(ActivationsIn: GateSpec.OnChip, HeadroomFraction: 0.1), new Resolution(side, side));
        var answer = MemorySearch.MinMemory(t, new AnalysisCache(), tier, null);
        Assert.Equal(AdviceStatus.Found, answer.Status);
        var index = MemorySearch.IndexOf(t.Accelerator, tier);
        var tiles = t.Accelerator.Tiers[index].Tiles;
        var perTile = answer.Number!.Value / tiles;
        Assert.True(Passes(t, t.Resolution, on: MemorySearch.Resize(t.Accelerator, index, perTile)));
        Assert.False(Passes(t, t.Resolution, on: MemorySearch.Resize(t.Accelerator, index, perTile - MemorySearch.Granularity)));

        // Bisection's premise, sampled: with more of the tier, a deployment that passed keeps passing.
        var passed = false;
        for (long size = 0; size <= 4 * answer.Number.Value; size += Math.Max(MemorySearch.Granularity, answer.Number.Value / 64))
        {
            var now = Passes(t, t.Resolution, on: MemorySearch.Resize(t.Accelerator, index, size / tiles));
            Assert.False(passed && !now, $"passes below {size} B but fails at {size} B");
            passed |= now;
        }
    }

    /// <summary>
    /// By hand: asked about the activations gate alone (no headroom), YOLOv3's int8 arena at 416 is 48 x 416² =
    /// 8,306,688 B, so the tier needs exactly that, rounded up to whole KiB: 8112 KiB.
    /// </summary>
    [Fact]
    public void MinMemoryForYoloV3ArenaIsItsPeakRoundedUpToAKiB()
    {
        var t = Target("yolov3", "coral-edgetpu", new GateSpec(ActivationsIn: GateSpec.OnChip), new Resolution(416, 416));
        var answer = MemorySearch.MinMemory(t, new AnalysisCache(), "sram", "activations");
        Assert.Equal((8_306_688 + 1023) / 1024 * 1024, answer.Number);
    }

    [Fact]
    public void HighestPrecisionPassesAndTheOneAboveFails()
    {
        // YOLOv3-tiny at 416 on the Edge TPU's 8 MiB: the highest precision whose arena still fits on chip.
        var t = Target("yolov3-tiny", "coral-edgetpu", new GateSpec(ActivationsIn: GateSpec.OnChip), new Resolution(416, 416));
        var answer = PrecisionSearch.Highest(t, new AnalysisCache(), null);
        Assert.Equal(AdviceStatus.Found, answer.Status);
        Assert.True(PrecisionInfo.TryParse(answer.Value!, out var p));
        Assert.True(Passes(t, t.Resolution, precision: p));
        var order = PrecisionSearch.HighestFirst;
        foreach (var higher in order.Take(Array.IndexOf(order, p)))
        {
            Assert.False(Passes(t, t.Resolution, precision: higher));
        }
    }

    [Fact]
    public void BatchAnswersAreTheBestWithinMemoryAndTheSmallestMeetingMinFps()
    {
        var t = Target("resnet50", "inferx-x1", new GateSpec(ActivationsIn: GateSpec.OnChip, MinFps: 300), new Resolution(224, 224));
        var answers = BatchSearch.Advise(t, new AnalysisCache(), 16);
        var best = answers.Single(a => a.Question == BatchSearch.MaxFpsQuestion);
        Assert.NotEqual(AdviceStatus.None, best.Status);
        var fps = new Dictionary<int, double>();
        for (var b = 1; b <= 16; b++)
        {
            var a = FitCheck.Evaluation.Evaluator.Analyze("resnet50", t.Source, t.Resolution, b, Precision.Int8, FitCheck.Analysis.CodeSizeModel.Default);
            var r = FitCheck.Evaluation.Evaluator.Deploy(a, t.Accelerator, new GateSpec(ActivationsIn: GateSpec.OnChip));
            if (r.Passed == true)
            {
                fps[b] = r.Throughput!.Fps;
            }
        }

        Assert.Equal(fps.MaxBy(kv => kv.Value).Key, best.Number);
        var least = answers.SingleOrDefault(a => a.Question == BatchSearch.MinFpsQuestion);
        Assert.NotNull(least);
        if (least.Status == AdviceStatus.Found)
        {
            Assert.True(fps[(int)least.Number!.Value] >= 300);
            Assert.All(fps.Where(kv => kv.Key < least.Number), kv => Assert.True(kv.Value < 300));
        }
    }
}
