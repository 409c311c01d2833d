using System.Globalization;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Throughput;
using FitCheck.Units;

namespace FitCheck.Evaluation;

/// <summary>
/// Throughput gates: `minFps`, `maxLatency` and `maxDramBandwidth`. A deployment whose placement does not
/// fit has no throughput, so every throughput gate it asked for fails with the placement as the reason.
/// </summary>
public static class PerformanceGates
{
    public static void Evaluate(List<GateResult> gates, Placement placement, ThroughputEstimate? t, GateSpec spec)
    {
        if (spec.MinFps is { } minFps)
        {
            gates.Add(t is null ? CannotRun("min-fps", placement)
                : t.Fps >= minFps
                    ? new GateResult("min-fps", true, $"{Fps(t.Fps)} fps meets the {Fps(minFps)} fps floor ({t.Bound}-bound)")
                    : new GateResult("min-fps", false, $"{Fps(t.Fps)} fps is below the {Fps(minFps)} fps floor ({t.Bound}-bound)"));
        }

        if (spec.MaxLatencySeconds is { } maxLatency)
        {
            gates.Add(t is null ? CannotRun("max-latency", placement)
                : t.LatencySeconds <= maxLatency
                    ? new GateResult("max-latency", true, $"latency {Ms(t.LatencySeconds)} within the {Ms(maxLatency)} ceiling")
                    : new GateResult("max-latency", false, $"latency {Ms(t.LatencySeconds)} exceeds the {Ms(maxLatency)} ceiling ({t.Bound}-bound)"));
        }

        if (spec.MaxDramBytesPerSecond is { } maxDram)
        {
            gates.Add(t is null ? CannotRun("max-dram-bandwidth", placement)
                : t.DramBytesPerSecond <= maxDram
                    ? new GateResult("max-dram-bandwidth", true, $"DRAM traffic {Rate(t.DramBytesPerSecond)} within the {Rate(maxDram)} ceiling")
                    : new GateResult("max-dram-bandwidth", false,
                        $"DRAM traffic {Rate(t.DramBytesPerSecond)} exceeds the {Rate(maxDram)} ceiling ({ByteFormat.Human(t.DramBytesPerFrame)}/frame at {Fps(t.Fps)} fps)"));
        }
    }

    public static string Fps(double fps) => double.IsFinite(fps) ? fps.ToString("0.0", CultureInfo.InvariantCulture) : "unbounded";

    public static string Ms(double seconds) => (seconds * 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double bytesPerSecond) =>
        double.IsFinite(bytesPerSecond) ? ByteFormat.Human((long)Math.Min(bytesPerSecond, long.MaxValue)) + "/s" : "unbounded";

    private static GateResult CannotRun(string gate, Placement placement) =>
        new(gate, false, $"cannot run on {placement.Accelerator.Name}: {placement.Summary}");
}
