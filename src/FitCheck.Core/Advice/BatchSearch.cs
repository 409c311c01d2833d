using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Manifest;

namespace FitCheck.Advice;

/// <summary>
/// `--batch`: the batch (1 to <see cref="DefaultMax"/>) with the highest fps among those that pass the
/// memory gates, and the smallest batch that meets the deployment's `minFps`. Memory needs grow with the
/// batch (every tensor is N times larger), so the batches that certainly fail the memory gates are found
/// by bisection; fps is not monotone in the batch (spills appear), so every batch below is evaluated.
/// </summary>
public static class BatchSearch
{
    public const string MaxFpsQuestion = "batch-max-fps";
    public const string MinFpsQuestion = "batch-min-fps";
    public const int DefaultMax = 64;

    /// <summary>Gates about memory: everything but the throughput floors and ceilings.</summary>
    public static bool IsMemoryGate(string name) => name is not (GateNames.MinFps or GateNames.MaxLatency or GateNames.MaxDramBandwidth);

    public static IReadOnlyList<AdviceAnswer> Advise(AdviceTarget t, AnalysisCache cache, int maxBatch)
    {
        var who = $"{t.Model} {t.Resolution} on {t.Accelerator.Name}";
        var memoryOnly = t.Gates with { Values = t.Gates.Values.Where(kv => kv.Key is not ("minFps" or "maxLatency" or "maxDramBandwidth")).ToDictionary() };
        ModelAnalysis? At(int b) => cache.Get(t.Model, t.Source, t.Resolution, b, t.Precision, t.Location);
        var evaluated = 0;
        int lo = 0, hi = maxBatch + 1;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            evaluated++;
            if (GateProbe.CertainlyFails(At(mid), t.Accelerator, memoryOnly, null))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        var fps = new List<(int Batch, double Fps)>();
        for (var b = 1; b <= lo; b++)
        {
            evaluated++;
            var a = At(b);
            if (a is null)
            {
                continue;
            }

            var run = GateProbe.Run(a, t.Accelerator, memoryOnly);
            if (run.Passed == true && run.Throughput is { } estimate)
            {
                fps.Add((b, estimate.Fps));
            }
        }

        var method = string.Create(CultureInfo.InvariantCulture,
            $"batches 1..{maxBatch}: bisection on the memory lower bound, then every batch below it evaluated");
        var answers = new List<AdviceAnswer>();
        if (fps.Count == 0)
        {
            var why = ResolutionSearch.Failures(At(1), t, null).Where(g => IsMemoryGate(g.Name)).ToList();
            answers.Add(new AdviceAnswer(t, MaxFpsQuestion, null, AdviceStatus.None, null, null, "1", why,
                $"{who}: no batch passes the memory gates; at batch 1 {ResolutionSearch.First(why)}", method, evaluated));
            return answers;
        }

        var best = fps.MaxBy(f => f.Fps);
        var bestText = $"{who}: batch {I(best.Batch)} gives the most fps within the memory gates ({PerformanceGates.Fps(best.Fps)} fps";
        var last = fps[^1].Batch;
        answers.Add(new AdviceAnswer(t with { Batch = best.Batch }, MaxFpsQuestion, null,
            last == maxBatch ? AdviceStatus.AtLimit : AdviceStatus.Found, I(best.Batch), best.Batch,
            last < maxBatch ? I(last + 1) : null,
            last < maxBatch ? ResolutionSearch.Failures(At(last + 1), t with { Gates = memoryOnly }, null) : [],
            bestText + (last < maxBatch ? $"; batches above {I(last)} fail the memory gates)" : $"; every batch up to {I(maxBatch)} fits)"),
            method, evaluated));

        if (t.Gates.MinFps is { } minFps)
        {
            var meets = fps.FirstOrDefault(f => f.Fps >= minFps);
            answers.Add(meets.Batch == 0
                ? new AdviceAnswer(t, MinFpsQuestion, GateNames.MinFps, AdviceStatus.None, null, null, null, [],
                    $"{who}: no batch up to {I(last)} within the memory gates reaches {PerformanceGates.Fps(minFps)} fps (best {PerformanceGates.Fps(best.Fps)} at batch {I(best.Batch)})",
                    method, evaluated)
                : new AdviceAnswer(t with { Batch = meets.Batch }, MinFpsQuestion, GateNames.MinFps, AdviceStatus.Found, I(meets.Batch), meets.Batch,
                    meets.Batch > 1 ? I(meets.Batch - 1) : null, [],
                    $"{who}: batch {I(meets.Batch)} is the smallest that reaches {PerformanceGates.Fps(minFps)} fps ({PerformanceGates.Fps(meets.Fps)} fps)",
                    method, evaluated));
        }

        return answers;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
