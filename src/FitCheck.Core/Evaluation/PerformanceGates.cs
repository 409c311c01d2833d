using System.Globalization;
using FitCheck.Throughput;
using FitCheck.Units;

namespace FitCheck.Evaluation;

/// <summary>
/// Throughput gates: `minFps`, `maxLatency` and `maxDramBandwidth`. A deployment whose placement does not
/// fit has no throughput, so every throughput gate it asked for fails with the placement as the reason.
/// </summary>
public static class PerformanceGates
{
    public static IEnumerable<GateResult> MinFps(GateContext c, GateDefinition d)
    {
        if (c.Spec.Number(d.ManifestKey!) is not { } minFps)
        {
            yield break;
        }

        var t = c.Throughput;
        yield return t is null ? CannotRun(d.Id, c)
            : t.Fps >= minFps
                ? new GateResult(d.Id, true, $"{Fps(t.Fps)} fps meets the {Fps(minFps)} fps floor ({t.Bound}-bound)")
                : new GateResult(d.Id, false, $"{Fps(t.Fps)} fps is below the {Fps(minFps)} fps floor ({t.Bound}-bound)");
    }

    public static IEnumerable<GateResult> MaxLatency(GateContext c, GateDefinition d)
    {
        if (c.Spec.Number(d.ManifestKey!) is not { } maxLatency)
        {
            yield break;
        }

        var t = c.Throughput;
        yield return t is null ? CannotRun(d.Id, c)
            : t.LatencySeconds <= maxLatency
                ? new GateResult(d.Id, true, $"latency {Ms(t.LatencySeconds)} within the {Ms(maxLatency)} ceiling")
                : new GateResult(d.Id, false, $"latency {Ms(t.LatencySeconds)} exceeds the {Ms(maxLatency)} ceiling ({t.Bound}-bound)");
    }

    public static IEnumerable<GateResult> MaxDramBandwidth(GateContext c, GateDefinition d)
    {
        if (c.Spec.Number(d.ManifestKey!) is not { } maxDram)
        {
            yield break;
        }

        var t = c.Throughput;
        yield return t is null ? CannotRun(d.Id, c)
            : t.DramBytesPerSecond <= maxDram
                ? new GateResult(d.Id, true, $"DRAM traffic {Rate(t.DramBytesPerSecond)} within the {Rate(maxDram)} ceiling")
                : new GateResult(d.Id, false,
                    $"DRAM traffic {Rate(t.DramBytesPerSecond)} exceeds the {Rate(maxDram)} ceiling ({ByteFormat.Human(t.DramBytesPerFrame)}/frame at {Fps(t.Fps)} fps)");
    }

    public static string Fps(double fps) => double.IsFinite(fps) ? fps.ToString("0.0", CultureInfo.InvariantCulture) : "unbounded";

    public static string Ms(double seconds) => (seconds * 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double bytesPerSecond) =>
        double.IsFinite(bytesPerSecond) ? ByteFormat.Human((long)Math.Min(bytesPerSecond, long.MaxValue)) + "/s" : "unbounded";

    private static GateResult CannotRun(string gate, GateContext c) =>
        new(gate, false, c.Placement is { } p ? $"cannot run on {p.Accelerator.Name}: {p.Summary}" : "there is no throughput estimate");
}
