using FitCheck.Analysis;
using FitCheck.Units;

namespace FitCheck.Hardware;

/// <summary>
/// Places models deployed together on one accelerator, with the single-model placer's rules applied to the
/// group's items in the same order (code, activations, weights; each in the fastest tier with room):
/// <list type="bullet">
/// <item>code: one image — the runtime once, each kernel kind once (kernels are shared), every member's commands;</item>
/// <item>activations: one region, the largest arena when members run one after another, the sum when they run
/// at the same time. When the region fits no on-chip tier, each member spills as it would alone, into the room
/// the region's home tier has (sequential: each member gets all of it in turn; concurrent: each gets what the
/// members before it left);</item>
/// <item>weights: all members' weights together; when they do not fit on chip as a whole they stream, and with
/// partial caching one cache is shared, filled with the layers of any member that have the most weight bytes
/// per MAC (every cached byte saves the same traffic, whichever model it belongs to).</item>
/// </list>
/// </summary>
public static class CoResidentPlacer
{
    /// <param name="members">The members' analyses with this accelerator's code constants, in group order.</param>
    public static CoResidentPlacement Place(IReadOnlyList<ModelAnalysis> members, Accelerator accelerator, ArenaSharing arenas)
    {
        var tiers = accelerator.Tiers;
        var room = new long[tiers.Count];
        for (var t = 0; t < room.Length; t++)
        {
            room[t] = tiers[t].CapacityBytes;
        }

        var codeBytes = CodeSize.Estimate(members.Select(m => m.Network), accelerator.Code, out var kernels);
        var code = Placer.PlaceWhole("code", codeBytes, tiers, room);

        var profiles = members.Select(TrafficProfile.For).ToList();
        var (region, activations, spills) = PlaceArenas(members, profiles, tiers, room, arenas);

        var weightBytes = CheckedSize.Sum("the weights of models deployed together", [.. members.Select(m => m.WeightBytes)]);
        var weights = Placer.PlaceWhole("weights", weightBytes, tiers, room);
        var caches = weights.Streamed && accelerator.Caching == WeightCaching.Partial
            ? ShareCache(profiles, tiers, room)
            : members.Select(_ => WeightCache.None).ToArray();

        var views = new List<Placement>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var view = new Placement(accelerator, code, activations[i],
                new ItemPlacement("weights", members[i].WeightBytes, weights.Tier, weights.Streamed), spills[i], "", caches[i]);
            views.Add(view with { Summary = Describe(view, members[i].Batch, region, code, kernels) });
        }

        return new CoResidentPlacement(code, kernels, region, weights, views);
    }

    private static (ItemPlacement Region, ItemPlacement[] Items, ActivationSpill[] Spills) PlaceArenas(
        IReadOnlyList<ModelAnalysis> members, IReadOnlyList<TrafficProfile> profiles, IReadOnlyList<MemoryTier> tiers, long[] room, ArenaSharing arenas)
    {
        var peaks = members.Select(m => m.Activations.PeakBytes).ToArray();
        var regionBytes = arenas == ArenaSharing.Sequential ? peaks.Max() : CheckedSize.Sum("the activation arenas of models run together", peaks);
        var items = new ItemPlacement[members.Count];
        var spills = new ActivationSpill[members.Count];
        var fastest = Placer.FirstWithRoom(tiers, room, regionBytes);
        if (fastest >= 0 && tiers[fastest].OnChip)
        {
            room[fastest] -= regionBytes;
            for (var i = 0; i < members.Count; i++)
            {
                items[i] = new ItemPlacement("activations", peaks[i], fastest, false);
                spills[i] = new ActivationSpill(-1, peaks[i], 0, 0, []);
            }

            return (new ItemPlacement("activations", regionBytes, fastest, false), items, spills);
        }

        var home = Placer.HomeOnChip(tiers, room);
        if (home < 0)
        {
            // No on-chip room at all: the whole region goes to the first tier that holds it (streamed), or nowhere.
            if (fastest >= 0)
            {
                room[fastest] -= regionBytes;
            }

            for (var i = 0; i < members.Count; i++)
            {
                items[i] = new ItemPlacement("activations", peaks[i], fastest, fastest >= 0);
                spills[i] = new ActivationSpill(-1, peaks[i], 0, 0, []);
            }

            return (new ItemPlacement("activations", regionBytes, fastest, fastest >= 0), items, spills);
        }

        long kept = 0, spilled = 0, available = room[home];
        for (var i = 0; i < members.Count; i++)
        {
            spills[i] = Placer.Spill(members[i].Activations, profiles[i], available);
            if (arenas == ArenaSharing.Sequential)
            {
                kept = Math.Max(kept, spills[i].KeptArenaBytes);
                spilled = Math.Max(spilled, spills[i].SpilledBytes);
            }
            else
            {
                available -= Math.Min(available, spills[i].KeptArenaBytes);
                kept = CheckedSize.Add(kept, spills[i].KeptArenaBytes, "the activation arenas of models run together");
                spilled = CheckedSize.Add(spilled, spills[i].SpilledBytes, "the spilled activations of models run together");
            }
        }

        // Kept bytes beyond the home's room (a member that cannot spill enough) leave the region unplaced.
        var fits = kept <= room[home];
        var spillTier = spilled > 0 ? Placer.FirstWithRoom(tiers, room, spilled, after: home) : -1;
        room[home] -= Math.Min(room[home], kept);
        if (spillTier >= 0)
        {
            room[spillTier] -= spilled;
        }

        for (var i = 0; i < members.Count; i++)
        {
            items[i] = new ItemPlacement("activations", peaks[i], fits ? home : -1, false);
            // A member that needed no spill keeps its whole arena at home; one that did spills to the group's spill tier.
            spills[i] = spills[i].Any ? spills[i] with { SpillTier = spillTier } : spills[i];
        }

        return (new ItemPlacement("activations", regionBytes, fits ? home : -1, false), items, spills);
    }

    /// <summary>One weight cache for the group: every member's layers ranked together by weight bytes per MAC.</summary>
    private static WeightCache[] ShareCache(IReadOnlyList<TrafficProfile> profiles, IReadOnlyList<MemoryTier> tiers, long[] room)
    {
        var tier = Placer.HomeOnChip(tiers, room);
        var caches = profiles.Select(_ => WeightCache.None).ToArray();
        if (tier < 0)
        {
            return caches;
        }

        var order = new List<(int Member, int Layer)>();
        for (var i = 0; i < profiles.Count; i++)
        {
            for (var e = 0; e < profiles[i].Count; e++)
            {
                order.Add((i, e));
            }
        }

        order.Sort((x, y) =>
        {
            long wx = profiles[x.Member].WeightBytes[x.Layer], wy = profiles[y.Member].WeightBytes[y.Layer];
            long mx = Math.Max(1, profiles[x.Member].Macs[x.Layer]), my = Math.Max(1, profiles[y.Member].Macs[y.Layer]);
            var c = ((Int128)wy * mx).CompareTo((Int128)wx * my);
            return c != 0 ? c : x.Member != y.Member ? x.Member.CompareTo(y.Member) : x.Layer.CompareTo(y.Layer);
        });

        var cached = profiles.Select(p => new bool[p.Count]).ToArray();
        var kept = new long[profiles.Count];
        foreach (var (member, layer) in order)
        {
            var w = profiles[member].WeightBytes[layer];
            if (w > 0 && w <= room[tier])
            {
                cached[member][layer] = true;
                room[tier] -= w;
                kept[member] += w;
            }
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            var total = profiles[i].WeightBytes.Aggregate(0L, (s, w) => checked(s + w));
            caches[i] = kept[i] == 0 ? WeightCache.None : new WeightCache(tier, kept[i], total - kept[i], cached[i]);
        }

        return caches;
    }

    private static string Describe(Placement p, int batch, ItemPlacement region, ItemPlacement code, int kernels)
    {
        var parts = new List<string>
        {
            code.Fits
                ? $"shared code ({ByteFormat.Human(code.Bytes)}, {kernels} kernel kinds) in {p.TierName(code.Tier)}"
                : $"shared code ({ByteFormat.Human(code.Bytes)}) does not fit",
        };
        var arena = $"arena {ByteFormat.Human(p.Activations.Bytes)} of a {ByteFormat.Human(region.Bytes)} region";
        parts.Add(!region.Fits ? $"{arena}: the region does not fit"
            : p.Spill.Any && p.Spill.SpillTier >= 0 ? $"{arena} in {p.TierName(p.Activations.Tier)}, {ByteFormat.Human(p.Spill.SpilledBytes)} spilled to {p.TierName(p.Spill.SpillTier)}"
            : p.Spill.Any ? $"{arena}: would spill {ByteFormat.Human(p.Spill.SpilledBytes)} but no slower tier has room"
            : $"{arena} in {p.TierName(p.Activations.Tier)}");
        var w = p.Weights;
        parts.Add(!w.Fits ? $"weights ({ByteFormat.Human(w.Bytes)}): the group's weights do not fit"
            : !w.Streamed ? $"weights ({ByteFormat.Human(w.Bytes)}) in {p.TierName(w.Tier)}"
            : p.WeightCache.Any ? $"weights: {ByteFormat.Human(p.WeightCache.CachedBytes)} in the shared cache in {p.TierName(p.WeightCache.Tier)}, {ByteFormat.Human(p.WeightCache.StreamedBytes / batch)}/frame streamed from {p.TierName(w.Tier)}"
            : $"weights streamed from {p.TierName(w.Tier)}: {ByteFormat.Human(w.Bytes / batch)}/frame");
        return string.Join("; ", parts);
    }
}
