using FitCheck.Analysis;
using FitCheck.Units;

namespace FitCheck.Hardware;

/// <summary>
/// Decides where code, the activation arena and the weights live, in that order (code is needed to run
/// at all; activations are touched many times per frame; weights once): each goes to the fastest tier
/// with room left, and an item that lands in an off-chip tier is streamed from it every frame.
/// <para>
/// When the arena fits no on-chip tier, it is not sent off chip whole. It keeps the on-chip tier with the
/// most room as its home and spills buffers to the next tier with room, fewest reads per byte first
/// (see <see cref="TrafficProfile.SpillOrder"/>), until the buffers left behind, re-packed by the same
/// greedy planner, fit. Big tensors read once leave; small tensors read by many layers stay.
/// </para>
/// </summary>
public static class Placer
{
    public static Placement Place(ModelAnalysis analysis, Accelerator accelerator) =>
        Place(analysis, TrafficProfile.For(analysis), accelerator);

    public static Placement Place(ModelAnalysis analysis, TrafficProfile profile, Accelerator accelerator)
    {
        var tiers = accelerator.Tiers;
        var room = new long[tiers.Count];
        for (var t = 0; t < room.Length; t++)
        {
            room[t] = tiers[t].CapacityBytes;
        }

        var code = PlaceWhole("code", analysis.CodeBytes, tiers, room);
        var arena = analysis.Activations.PeakBytes;
        var noSpill = new ActivationSpill(-1, arena, 0, 0, []);
        ItemPlacement activations;
        var spill = noSpill;
        var fastest = FirstWithRoom(tiers, room, arena);
        if (fastest >= 0 && tiers[fastest].OnChip)
        {
            room[fastest] -= arena;
            activations = new ItemPlacement("activations", arena, fastest, false);
        }
        else if (HomeOnChip(tiers, room) is var home && home >= 0)
        {
            spill = Spill(analysis.Activations, profile, room[home]);
            spill = spill with { SpillTier = FirstWithRoom(tiers, room, spill.SpilledBytes, after: home) };
            room[home] -= spill.KeptArenaBytes;
            if (spill.SpillTier >= 0)
            {
                room[spill.SpillTier] -= spill.SpilledBytes;
            }

            activations = new ItemPlacement("activations", arena, home, false);
        }
        else
        {
            activations = new ItemPlacement("activations", arena, fastest, fastest >= 0);
            if (fastest >= 0)
            {
                room[fastest] -= arena;
            }
        }

        var weights = PlaceWhole("weights", analysis.WeightBytes, tiers, room);
        var cache = weights.Streamed && accelerator.Caching == WeightCaching.Partial ? CacheLayers(profile, tiers, room) : WeightCache.None;
        var placement = new Placement(accelerator, code, activations, weights, spill, "", cache);
        return placement with { Summary = Describe(placement, analysis.Batch, room) };
    }

    /// <summary>
    /// Spills buffers in <see cref="TrafficProfile.SpillOrder"/> until the rest fit <paramref name="room"/>.
    /// The live-set lower bound is kept up to date cheaply per spill; only once it fits is the greedy
    /// planner re-run, and spilling continues one buffer at a time while its packing still does not fit.
    /// </summary>
    public static ActivationSpill Spill(ActivationPlan plan, TrafficProfile profile, long room)
    {
        var buffers = plan.Buffers;
        var spilled = new bool[buffers.Count];
        var steps = 0;
        foreach (var b in buffers)
        {
            steps = Math.Max(steps, b.LastUse + 1);
        }

        var live = new long[steps];
        foreach (var b in buffers)
        {
            for (var s = b.FirstUse; s <= b.LastUse; s++)
            {
                live[s] += b.Bytes;
            }
        }

        var next = 0;
        var order = profile.SpillOrder;
        while (next < order.Length && Max(live) > room)
        {
            var b = buffers[order[next++]];
            spilled[b.Id] = true;
            for (var s = b.FirstUse; s <= b.LastUse; s++)
            {
                live[s] -= b.Bytes;
            }
        }

        var kept = Repack(buffers, spilled);
        while (kept > room && next < order.Length)
        {
            spilled[order[next++]] = true;
            kept = Repack(buffers, spilled);
        }

        var count = spilled.Count(s => s);
        var inverse = Array.ConvertAll(spilled, s => !s);
        return new ActivationSpill(-1, kept, Repack(buffers, inverse), count, spilled);
    }

    /// <summary>
    /// Partial weight caching: whole layers' weights go into the on-chip tier with the most room left after code
    /// and the arena, the layers with the most weight bytes per MAC first (fully connected layers, late 1x1
    /// convolutions): every weight byte is read once per frame either way, so the bytes worth keeping are those
    /// whose streaming compute cannot hide. Ties keep execution order; a layer too big for the room left is
    /// skipped and smaller ones are still tried.
    /// </summary>
    public static WeightCache CacheLayers(TrafficProfile profile, IReadOnlyList<MemoryTier> tiers, long[] room)
    {
        var tier = HomeOnChip(tiers, room);
        if (tier < 0)
        {
            return WeightCache.None;
        }

        var order = new int[profile.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var w = profile.WeightBytes;
        var m = profile.Macs;
        Array.Sort(order, (x, y) =>
        {
            // w/m compared without division (m may be 0: such a layer's bytes are all exposed, so it ranks first).
            var c = ((Int128)w[y] * Math.Max(1, m[x])).CompareTo((Int128)w[x] * Math.Max(1, m[y]));
            return c != 0 ? c : x.CompareTo(y);
        });
        var cached = new bool[profile.Count];
        long kept = 0, total = 0;
        foreach (var e in order)
        {
            total = checked(total + w[e]);
            if (w[e] > 0 && w[e] <= room[tier])
            {
                cached[e] = true;
                room[tier] -= w[e];
                kept = checked(kept + w[e]);
            }
        }

        return kept == 0 ? WeightCache.None : new WeightCache(tier, kept, total - kept, cached);
    }

    private static long Repack(IReadOnlyList<TensorBuffer> buffers, bool[] spilled)
    {
        var kept = new List<TensorBuffer>(buffers.Count);
        foreach (var b in buffers)
        {
            if (!spilled[b.Id])
            {
                kept.Add(b);
            }
        }

        GreedyBySizeAllocator.Allocate(kept, out var arena);
        return arena;
    }

    private static long Max(long[] values)
    {
        long max = 0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    internal static ItemPlacement PlaceWhole(string item, long bytes, IReadOnlyList<MemoryTier> tiers, long[] room)
    {
        var t = FirstWithRoom(tiers, room, bytes);
        if (t >= 0)
        {
            room[t] -= bytes;
        }

        return new ItemPlacement(item, bytes, t, t >= 0 && !tiers[t].OnChip);
    }

    internal static int FirstWithRoom(IReadOnlyList<MemoryTier> tiers, long[] room, long bytes, int after = -1)
    {
        for (var t = after + 1; t < tiers.Count; t++)
        {
            if (room[t] >= bytes)
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>The on-chip tier with the most room left (the faster one on a tie), or -1.</summary>
    internal static int HomeOnChip(IReadOnlyList<MemoryTier> tiers, long[] room)
    {
        var best = -1;
        for (var t = 0; t < tiers.Count; t++)
        {
            if (tiers[t].OnChip && room[t] > 0 && (best < 0 || room[t] > room[best]))
            {
                best = t;
            }
        }

        return best;
    }

    private static string Describe(Placement p, int batch, long[] room)
    {
        var parts = new List<string>();
        var items = new[] { p.Code, p.Activations, p.Weights };
        foreach (var group in items.Where(i => i.Fits && !i.Streamed && !(i.Item == "activations" && p.Spill.Any)).GroupBy(i => i.Tier).OrderBy(g => g.Key))
        {
            var names = group.Select(i => $"{i.Item} ({ByteFormat.Human(i.Bytes)})").ToList();
            var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
            parts.Add($"{list} in {p.TierName(group.Key)}");
        }

        if (p.WeightCache.Any)
        {
            parts.Add($"weights cached in {p.TierName(p.WeightCache.Tier)}: {ByteFormat.Human(p.WeightCache.CachedBytes)} of whole layers");
        }

        foreach (var i in items.Where(i => i.Streamed))
        {
            parts.Add(i.Item == "activations"
                ? $"activation arena ({ByteFormat.Human(i.Bytes)}) in {p.TierName(i.Tier)}"
                : i.Item == "weights" && p.WeightCache.Any
                    ? $"the rest streamed from {p.TierName(i.Tier)}: {ByteFormat.Human(p.WeightCache.StreamedBytes / batch)}/frame"
                    : $"{i.Item} streamed from {p.TierName(i.Tier)}: {ByteFormat.Human(i.Bytes / batch)}/frame");
        }

        if (p.Spill.Any)
        {
            var tensors = p.Spill.SpilledCount == 1 ? "1 tensor" : $"{p.Spill.SpilledCount} tensors";
            parts.Add(p.Spill.SpillTier >= 0
                ? $"activations ({ByteFormat.Human(p.Activations.Bytes)}): {tensors} spill to {p.TierName(p.Spill.SpillTier)} (a {ByteFormat.Human(p.Spill.SpilledBytes)} arena there), the rest fit in {ByteFormat.Human(p.Spill.KeptArenaBytes)} of {p.TierName(p.Activations.Tier)}"
                : $"activations would spill {ByteFormat.Human(p.Spill.SpilledBytes)} ({tensors}) but no slower tier has room");
        }

        foreach (var i in items.Where(i => !i.Fits))
        {
            var left = room.Length == 0 ? 0 : room.Max();
            parts.Add($"{i.Item} ({ByteFormat.Human(i.Bytes)}) do not fit: at most {ByteFormat.Human(left)} left in one tier of {p.Accelerator.Name}");
        }

        return string.Join("; ", parts);
    }
}
