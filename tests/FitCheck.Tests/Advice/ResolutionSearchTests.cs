using FitCheck.Advice;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models.Zoo;
using static FitCheck.Tests.Advice.AdviceFixtures;

namespace FitCheck.Tests.Advice;

public class ResolutionSearchTests
{
    /// <summary>
    /// By hand: YOLOv3's arena is set by conv_1 reading s x s x 32 while writing s/2 x s/2 x 64 int8 bytes,
    /// 48 s² in all (17,743,872 B at 608, as the README reports). 48 s² <= 8 MiB gives s <= 418.0, so on
    /// the multiples of 32 the largest square input is 416 (8,306,688 B) and 448 (9,633,792 B) is too big.
    /// The planner stepped size by size agrees, and so does the search.
    /// </summary>
    [Fact]
    public void LargestSquareYoloV3WhoseArenaFits8MiBIs416()
    {
        Assert.Equal(8_306_688, 48L * 416 * 416);
        Assert.True(48L * 448 * 448 > 8 * MiB);

        var source = ModelZoo.Get("yolov3", null);
        var stepped = 0;
        for (var side = 32; side <= 1024; side += 32)
        {
            var a = Evaluator.Analyze("yolov3", source, new Resolution(side, side), 1, Precision.Int8, CodeSizeModel.Default);
            Assert.Equal(48L * side * side, a.Activations.PeakBytes);
            if (a.Activations.PeakBytes <= 8 * MiB)
            {
                stepped = side;
            }
        }

        Assert.Equal(416, stepped);
        var t = Target("yolov3", "inferx-x1", new GateSpec(MaxActivationBytes: 8 * MiB), new Resolution(608, 608));
        var answer = ResolutionSearch.MaxResolution(t, new AnalysisCache(), "activations", 1, 4096, null);
        Assert.Equal(AdviceStatus.Found, answer.Status);
        Assert.Equal("416x416", answer.Value);
        Assert.Equal("448x448", answer.Next);
        Assert.Contains(answer.NextFailures, g => g.Name == "max-activations");
    }

    /// <summary>The example: 1920x1088's aspect ratio kept, both sides on YOLOv3's multiples of 32.</summary>
    [Fact]
    public void KeepsTheAspectRatioOnTheStrideGrid()
    {
        var points = ResolutionGrid.Points(SideGrid.For(ModelZoo.Get("yolov3", null)), new Resolution(1920, 1088), 1, 2048);
        Assert.Contains(new Resolution(1408, 800), points);
        Assert.All(points, p => Assert.True(p.Width % 32 == 0 && p.Height % 32 == 0));
        // Rounding a short side to 32 pixels moves the ratio most at small sizes; from 256 up it stays within 10 %.
        Assert.All(points.Where(p => p.Width >= 256), p => Assert.InRange((double)p.Width / p.Height, 1920.0 / 1088 * 0.9, 1920.0 / 1088 * 1.1));
        Assert.Equal(points.OrderBy(p => p.Width).ToList(), points);
    }

    public static TheoryData<string, string, string> Deployments()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var model in new[] { "resnet50", "yolov3", "yolov3-tiny", "mobilenet-v2", "efficientnet-b0", "unet", "vit-b16" })
        {
            foreach (var preset in new[] { "coral-edgetpu", "inferx-x1", "ethos-u55-256", "jetson-orin-nano" })
            {
                data.Add(model, preset, "on-chip");
                data.Add(model, preset, "fps");
            }
        }

        return data;
    }

    /// <summary>For every answer: the answer passes and the next step on the grid fails, checked by the pipeline itself.</summary>
    [Theory]
    [MemberData(nameof(Deployments))]
    public void AnswerPassesAndTheNextStepFails(string model, string preset, string gates)
    {
        var spec = gates == "fps" ? new GateSpec(ActivationsIn: GateSpec.Anywhere, MinFps: 30) : new GateSpec(ActivationsIn: GateSpec.OnChip, HeadroomFraction: 0.1);
        var aspect = model == "unet" ? new Resolution(572, 572) : new Resolution(1920, 1080);
        var t = Target(model, preset, spec, aspect);
        var answer = ResolutionSearch.MaxResolution(t, new AnalysisCache(), null, 1, 2048, null);
        var grid = ResolutionGrid.Points(SideGrid.For(t.Source), aspect, 1, 2048);
        switch (answer.Status)
        {
            case AdviceStatus.Found:
                var at = grid.ToList().IndexOf(ParseResolution(answer.Value!));
                Assert.True(Passes(t, grid[at]), $"{answer.Value} should pass");
                Assert.False(Passes(t, grid[at + 1]), $"{grid[at + 1]} should fail");
                Assert.Equal(grid[at + 1].ToString(), answer.Next);
                break;
            case AdviceStatus.AtLimit:
                Assert.True(Passes(t, grid[^1]));
                break;
            default:
                // Nothing passes: the bound said so for the big sizes; check the small ones by hand.
                foreach (var r in grid.Take(8))
                {
                    Assert.False(Passes(t, r));
                }

                break;
        }
    }

    /// <summary>
    /// The bisection's premise: along the grid the arena's lower bound, the weights, the code and the MACs
    /// never shrink. Checked at every grid size up to 2048 (every third size for the models that take any side).
    /// </summary>
    [Theory]
    [InlineData("resnet50")]
    [InlineData("yolov3")]
    [InlineData("yolov3-tiny")]
    [InlineData("mobilenet-v1")]
    [InlineData("mobilenet-v2")]
    [InlineData("efficientnet-b0")]
    [InlineData("unet")]
    [InlineData("vit-b16")]
    public void BoundQuantitiesGrowAlongTheGrid(string model)
    {
        var source = ModelZoo.Get(model, null);
        foreach (var aspect in new[] { new Resolution(1, 1), new Resolution(16, 9) })
        {
            var points = ResolutionGrid.Points(SideGrid.For(source), aspect, 1, 2048);
            var stride = points.Count > 400 ? 3 : 1;
            ModelAnalysis? previous = null;
            for (var i = 0; i < points.Count; i += stride)
            {
                var a = Evaluator.Analyze(model, source, points[i], 1, Precision.Int8, CodeSizeModel.Default);
                if (previous is not null)
                {
                    Assert.True(a.Activations.LowerBoundBytes >= previous.Activations.LowerBoundBytes, $"{model} lower bound shrinks at {points[i]}");
                    Assert.True(a.WeightBytes >= previous.WeightBytes, $"{model} weights shrink at {points[i]}");
                    Assert.True(a.CodeBytes >= previous.CodeBytes, $"{model} code shrinks at {points[i]}");
                    Assert.True(a.Macs >= previous.Macs, $"{model} MACs shrink at {points[i]}");
                }

                previous = a;
            }
        }
    }

    /// <summary>The bound is a necessary condition: wherever it says "certainly fails", the real gates fail.</summary>
    [Theory]
    [InlineData("yolov3", "coral-edgetpu")]
    [InlineData("resnet50", "ethos-u55-256")]
    [InlineData("mobilenet-v2", "inferx-x1")]
    public void CertainlyFailsNeverRejectsAPassingSize(string model, string preset)
    {
        var t = Target(model, preset, new GateSpec(ActivationsIn: GateSpec.OnChip, MinFps: 30, MaxTotalBytes: 64 * MiB));
        var cache = new AnalysisCache();
        foreach (var r in ResolutionGrid.Points(SideGrid.For(t.Source), new Resolution(4, 3), 1, 1536).Where((_, i) => i % 4 == 0))
        {
            var a = cache.Get(t.Model, t.Source, r, 1, Precision.Int8, null);
            if (GateProbe.CertainlyFails(a, t.Accelerator, t.Gates, null))
            {
                Assert.False(Passes(t, r), $"{r} passes but the bound rejected it");
            }
        }
    }
}
