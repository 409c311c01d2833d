using FitCheck.Analysis;
using FitCheck.Hardware;

namespace FitCheck.Throughput;

/// <summary>
/// The dataflow cluster model for a fabric of a finite number of compute units (Hailo-8-like parts).
/// <list type="bullet">
/// <item>Contexts: layers are mapped in execution order; a context ends when the next layer's weights would
/// overflow the on-chip room for weights (<c>contextBytes</c>) or it would need more units than the fabric has
/// (every MAC layer holds at least one whole unit). Pooling and elementwise layers hold no unit.</item>
/// <item>Within a context every MAC layer gets whole units in proportion to its work: each starts with one,
/// and each further unit goes to the layer that is currently slowest (this minimises the slowest stage).
/// A layer's stage time is its time on the whole fabric x units / its units; the context's period is the
/// slowest stage (vector stages count as they are).</item>
/// <item>A network that fits one context is loaded once; with several, each context's weights are loaded
/// again for every batch (from where the weights live, at that tier's bandwidth), then the batch streams
/// through it. So one batch takes Σ over contexts of (load + the batch's period), which is why batch 8
/// beats batch 1 on networks larger than the chip.</item>
/// </list>
/// With proportional allocation and no rounding the period equals the sum of layer times (the plain
/// dataflow model); whole units and the one-unit minimum are what cost small and many-layer networks.
/// </summary>
public static class DataflowFabric
{
    /// <summary>One batch's time through the fabric, and how it was cut.</summary>
    public sealed record Schedule(int Contexts, double BatchSeconds, double LoadSeconds, int[] Units, int[] ContextOf);

    /// <param name="seconds">Each executed layer's compute time for the batch on the whole fabric.</param>
    /// <param name="kinds">Each layer's work kind; Array and Depthwise layers hold units.</param>
    /// <param name="weightBytes">Each layer's weight bytes.</param>
    /// <param name="units">Compute units of the fabric (at least 1).</param>
    /// <param name="contextBytes">On-chip bytes for one context's weights; long.MaxValue when all weights fit.</param>
    /// <param name="loadBytesPerSecond">Bandwidth a context's weights are loaded at.</param>
    public static Schedule Plan(IReadOnlyList<double> seconds, IReadOnlyList<WorkKind> kinds, IReadOnlyList<long> weightBytes,
        int units, long contextBytes, double loadBytesPerSecond) =>
        Plan(seconds, kinds, weightBytes, units, contextBytes, loadBytesPerSecond, null);

    /// <param name="floor">Each layer's least stage time whatever its units (its activation bytes through its
    /// memory port), or null.</param>
    public static Schedule Plan(IReadOnlyList<double> seconds, IReadOnlyList<WorkKind> kinds, IReadOnlyList<long> weightBytes,
        int units, long contextBytes, double loadBytesPerSecond, IReadOnlyList<double>? floor)
    {
        var count = seconds.Count;
        var contextOf = new int[count];
        var given = new int[count];
        var contexts = new List<(int Start, int End, long Bytes)>();
        int start = 0, held = 0;
        long bytes = 0;
        for (var e = 0; e < count; e++)
        {
            var holds = HoldsUnits(kinds[e], seconds[e]);
            var full = e > start && ((holds && held + 1 > units) || (weightBytes[e] > 0 && bytes + weightBytes[e] > contextBytes));
            if (full)
            {
                contexts.Add((start, e, bytes));
                start = e;
                held = 0;
                bytes = 0;
            }

            held += holds ? 1 : 0;
            bytes += weightBytes[e];
            contextOf[e] = contexts.Count;
        }

        contexts.Add((start, count, bytes));
        double total = 0, load = 0;
        foreach (var (s, end, b) in contexts)
        {
            total += Period(seconds, kinds, units, s, end, given, floor);
            if (contexts.Count > 1)
            {
                var l = b / loadBytesPerSecond;
                load += l;
                total += l;
            }
        }

        return new Schedule(contexts.Count, total, load, given, contextOf);
    }

    /// <summary>Whole units in proportion to work (greedy on the slowest stage); the slowest stage's time.</summary>
    private static double Period(IReadOnlyList<double> seconds, IReadOnlyList<WorkKind> kinds, int units, int start, int end, int[] given,
        IReadOnlyList<double>? floor)
    {
        var queue = new PriorityQueue<int, double>();
        var left = units;
        double slowest = 0;
        for (var e = start; e < end; e++)
        {
            var least = floor?[e] ?? 0;
            if (HoldsUnits(kinds[e], seconds[e]))
            {
                given[e] = 1;
                left--;
                queue.Enqueue(e, -seconds[e] * units);
            }
            else
            {
                slowest = Math.Max(slowest, Math.Max(seconds[e], least));
            }
        }

        // A further unit goes to the slowest stage, unless its memory port already holds it back.
        while (left > 0 && queue.TryDequeue(out var e, out _))
        {
            if (seconds[e] * units / given[e] <= (floor?[e] ?? 0))
            {
                slowest = Math.Max(slowest, floor![e]);
                continue;
            }

            given[e]++;
            left--;
            queue.Enqueue(e, -seconds[e] * units / given[e]);
        }

        while (queue.TryDequeue(out var e, out _))
        {
            slowest = Math.Max(slowest, Math.Max(seconds[e] * units / given[e], floor?[e] ?? 0));
        }

        return slowest;
    }

    private static bool HoldsUnits(WorkKind kind, double seconds) => kind is WorkKind.Array or WorkKind.Depthwise && seconds > 0;
}
