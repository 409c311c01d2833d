namespace FitCheck.Analysis;

/// <summary>
/// Offset assignment as TensorFlow Lite Micro's GreedyMemoryPlanner does it: place buffers largest
/// first, each at the lowest offset that does not collide with an already placed buffer whose
/// lifetime overlaps. Not optimal (the problem is NP-hard), but close to the live-set lower bound on
/// CNNs and deterministic: ties break by first use, then by id.
/// </summary>
public static class GreedyBySizeAllocator
{
    public static long[] Allocate(IReadOnlyList<TensorBuffer> buffers, out long arenaBytes)
    {
        var order = new int[buffers.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var x = buffers[a];
            var y = buffers[b];
            var c = y.Bytes.CompareTo(x.Bytes);
            if (c == 0)
            {
                c = x.FirstUse.CompareTo(y.FirstUse);
            }

            return c != 0 ? c : x.Id.CompareTo(y.Id);
        });

        var offsets = new long[buffers.Count];
        // Placed buffers kept sorted by offset, so one forward scan finds the first gap.
        var placed = new List<int>(buffers.Count);
        long arena = 0;
        foreach (var index in order)
        {
            var buffer = buffers[index];
            long candidate = 0;
            var insertAt = placed.Count;
            for (var p = 0; p < placed.Count; p++)
            {
                var other = buffers[placed[p]];
                if (!buffer.OverlapsInTime(other))
                {
                    continue;
                }

                var otherOffset = offsets[placed[p]];
                if (otherOffset >= candidate + buffer.Bytes)
                {
                    break;
                }

                candidate = Math.Max(candidate, otherOffset + other.Bytes);
            }

            offsets[index] = candidate;
            insertAt = placed.FindIndex(p => offsets[p] > candidate);
            placed.Insert(insertAt < 0 ? placed.Count : insertAt, index);
            arena = Math.Max(arena, candidate + buffer.Bytes);
        }

        arenaBytes = arena;
        return offsets;
    }

    /// <summary>The most bytes alive at any one layer: no planner can do better.</summary>
    public static long LowerBound(IReadOnlyList<TensorBuffer> buffers)
    {
        var steps = 0;
        foreach (var b in buffers)
        {
            steps = Math.Max(steps, b.LastUse + 1);
        }

        var delta = new long[steps + 1];
        foreach (var b in buffers)
        {
            delta[b.FirstUse] += b.Bytes;
            delta[b.LastUse + 1] -= b.Bytes;
        }

        long live = 0, peak = 0;
        foreach (var d in delta)
        {
            live += d;
            peak = Math.Max(peak, live);
        }

        return peak;
    }
}
