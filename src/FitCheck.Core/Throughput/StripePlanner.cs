using FitCheck.Analysis;
using FitCheck.Hardware;
using FitCheck.Units;

namespace FitCheck.Throughput;

/// <summary>
/// Striped (depth-first) execution, in the spirit of Arm Vela's cascading: when the activation arena spills and
/// the accelerator declares <c>striping: auto</c>, runs of stripable layers (see <see cref="StripeGeometry"/>)
/// execute a horizontal stripe at a time, so a tensor made and used inside a run lives on chip as a stripe
/// buffer instead of moving whole through the spill tier. A run reads its inputs and writes the tensors it
/// hands on once (inputs with their halo rows again, stripe after stripe); the halo rows each layer shares with
/// the previous stripe are recomputed, not kept in rolling line buffers: a recompute model needs no per-layer
/// line-buffer bookkeeping across stripes, its cost (extra MACs) is explicit, and it is an upper bound on what
/// a compiler with rolling buffers pays.
/// <para>
/// A run's on-chip footprint = its stripe buffers (the most rows one stripe holds of each tensor made in the
/// run or staged from the spill tier, x the row's bytes; summed, as every buffer is live while stripes pass)
/// + the whole tensors kept on chip that are live across the run + its weights that stream from off chip (they
/// must stay on chip while all stripes pass). It must fit the home tier less code and cached weights. The
/// stripe height is the largest that fits (taller stripes recompute less). Runs grow greedily in execution
/// order while the longer run is no slower than closing it, at most <see cref="MaxRunLayers"/> layers; each
/// run is then kept only where striping is strictly faster than spilling its layers' tensors whole.
/// </para>
/// </summary>
public static class StripePlanner
{
    /// <summary>Longest run considered: bounds the search (quadratic in run length) on very deep networks.</summary>
    public const int MaxRunLayers = 64;

    /// <summary>Layers a run looks ahead when growing by one is infeasible or slower.</summary>
    public const int Lookahead = 4;

    private const string RunTraffic = "the bytes a striped layer moves in one memory tier";

    /// <param name="compute">Each executed layer's compute seconds without striping.</param>
    /// <param name="spillBytes">Each executed layer's bytes per tier without striping (whole tensors spilled).</param>
    public static StripePlan Plan(TrafficProfile p, Placement placement, double[] compute, long[][] spillBytes)
    {
        var acc = placement.Accelerator;
        if (acc.Striping != ActivationStriping.Auto || !placement.Spill.Any || placement.Spill.SpillTier < 0)
        {
            return StripePlan.None;
        }

        return new Search(p, placement, compute, spillBytes).Run();
    }

    /// <summary>MACs of the recomputed rows: the layer's MACs per output row x rows beyond its own, exact in 128 bits.</summary>
    public static long ExtraMacs(long macs, long rows, long computed)
    {
        if (computed <= rows || rows <= 0)
        {
            return 0;
        }

        var extra = (Int128)macs * (computed - rows) / rows;
        return extra > long.MaxValue ? throw CheckedSize.Overflow("the MACs recomputed in stripe halos") : (long)extra;
    }

    /// <summary>One layer's time from its compute seconds and bytes per tier, as the throughput model times it.</summary>
    internal static double LayerSeconds(Accelerator acc, double compute, long[] bytes)
    {
        double memory = 0;
        for (var t = 0; t < bytes.Length; t++)
        {
            memory += bytes[t] / acc.Tiers[t].BandwidthBytesPerSecond;
        }

        return acc.Overlap == OverlapMode.Pipelined ? Math.Max(compute, memory) : compute + memory;
    }

    private sealed class Search(TrafficProfile p, Placement placement, double[] compute, long[][] spillBytes)
    {
        private readonly Accelerator _acc = placement.Accelerator;
        private readonly int _home = placement.Activations.Tier;
        private readonly bool[] _spilled = placement.Spill.Spilled;
        private readonly int _spillTier = placement.Spill.SpillTier;
        private readonly long _room = Room(placement);

        public StripePlan Run()
        {
            var runs = new List<(int First, int Last, long H)>();
            var g = p.Geometry;
            var e = 0;
            while (e < p.Count)
            {
                var first = e;
                var current = g.Stripable[e] ? Best(first, first) : null;
                e++;
                if (current is null)
                {
                    continue;
                }

                // Grow while a longer run is no slower than this one plus the added layers on their own. A tensor
                // kept whole on chip may make a run infeasible until its consumer joins, so look a few layers ahead.
                var grown = true;
                while (grown)
                {
                    grown = false;
                    double alone = 0;
                    for (var j = e; j < p.Count && j < e + Lookahead && g.Stripable[j] && j - first < MaxRunLayers; j++)
                    {
                        alone += Math.Min(Spilled(j, j), Best(j, j)?.Seconds ?? double.PositiveInfinity);
                        if (Best(first, j) is { } longer && longer.Seconds <= current.Value.Seconds + alone)
                        {
                            current = longer;
                            e = j + 1;
                            grown = true;
                            break;
                        }
                    }
                }

                runs.Add((first, e - 1, current.Value.H));
            }

            return Finish(runs);
        }

        private StripePlan Finish(List<(int First, int Last, long H)> candidates)
        {
            var chosen = new List<StripeRun>();
            var runOf = new int[p.Count];
            Array.Fill(runOf, -1);
            var tierBytes = new long[]?[p.Count];
            var scale = new double[p.Count];
            Array.Fill(scale, 1.0);
            var extra = new long[p.Count];
            foreach (var (first, last, estimate) in candidates)
            {
                var leaves = Leaves(first, last);
                var h = estimate;
                var rows = StripeRows.Exact(p, first, last, h, leaves);
                var budget = _room;
                if (Footprint(first, last, rows, leaves) > budget)
                {
                    // The estimate missed edge alignment: the tallest stripe whose exact footprint fits.
                    long lo = 0, hi = h - 1;
                    while (lo < hi)
                    {
                        var mid = (lo + hi + 1) / 2;
                        if (Footprint(first, last, StripeRows.Exact(p, first, last, mid, leaves), leaves) <= budget)
                        {
                            lo = mid;
                        }
                        else
                        {
                            hi = mid - 1;
                        }
                    }

                    if (lo == 0)
                    {
                        continue;
                    }

                    h = lo;
                    rows = StripeRows.Exact(p, first, last, h, leaves);
                }

                var seconds = Seconds(first, last, rows, leaves, out var bytes, out var scales);
                var spill = Spilled(first, last);
                if (seconds >= spill)
                {
                    continue;
                }

                long runExtra = 0, offChip = 0;
                for (var e = first; e <= last; e++)
                {
                    var k = e - first;
                    var rowsOf = p.Geometry.Rows[e];
                    extra[e] = ExtraMacs(p.Macs[e], rowsOf, rows.Computed[k]);
                    runExtra = checked(runExtra + extra[e]);
                    tierBytes[e] = bytes[k];
                    scale[e] = scales[k];
                    runOf[e] = chosen.Count;
                    for (var t = 0; t < bytes[k].Length; t++)
                    {
                        if (!_acc.Tiers[t].OnChip)
                        {
                            offChip = CheckedSize.Add(offChip, bytes[k][t], "the off-chip bytes of a striped run");
                        }
                    }
                }

                chosen.Add(new StripeRun(first, last, h, rows.Stripes, Footprint(first, last, rows, leaves), runExtra, offChip, seconds, spill));
            }

            return chosen.Count == 0 ? StripePlan.None : new StripePlan(chosen, runOf, tierBytes, scale, extra);
        }

        /// <summary>The tallest stripe whose estimated footprint fits, with the run's estimated time; null when one row does not fit.</summary>
        private (long H, double Seconds)? Best(int first, int last)
        {
            var leaves = Leaves(first, last);
            var budget = _room;
            if (budget <= 0 || Footprint(first, last, StripeRows.Estimate(p, first, last, 1, leaves), leaves) > budget)
            {
                return null;
            }

            long lo = 1, hi = p.Geometry.Rows[last];
            while (lo < hi)
            {
                var mid = lo + ((hi - lo + 1) / 2);
                if (Footprint(first, last, StripeRows.Estimate(p, first, last, mid, leaves), leaves) <= budget)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return (lo, Seconds(first, last, StripeRows.Estimate(p, first, last, lo, leaves), leaves, out _, out _));
        }

        private double Spilled(int first, int last)
        {
            double total = 0;
            for (var e = first; e <= last; e++)
            {
                total += LayerSeconds(_acc, compute[e], spillBytes[e]);
            }

            return total;
        }

        /// <summary>The run's time striped: each layer's compute x rows computed / rows, its bytes as striped execution moves them.</summary>
        private double Seconds(int first, int last, StripeRows rows, bool[] leaves, out long[][] bytes, out double[] scales)
        {
            bytes = new long[last - first + 1][];
            scales = new double[last - first + 1];
            double total = 0;
            for (var e = first; e <= last; e++)
            {
                var k = e - first;
                scales[k] = Math.Max(1, rows.Computed[k] / (double)p.Geometry.Rows[e]);
                bytes[k] = Bytes(e, first, last, rows, leaves);
                total += LayerSeconds(_acc, compute[e] * scales[k], bytes[k]);
            }

            return total;
        }

        /// <summary>
        /// Reads: rows read x the row's bytes, on chip when the run made the tensor, else from the tensor's tier
        /// (halo rows fetched again). Write: once to the tensor's tier when it leaves the run, else on chip for
        /// every row computed. Weights: as without striping.
        /// </summary>
        private long[] Bytes(int e, int first, int last, StripeRows rows, bool[] leaves)
        {
            var g = p.Geometry;
            var bytes = new long[_acc.Tiers.Count];
            var baseAccess = p.AccessStart[first];
            var write = p.AccessStart[e + 1] - 1;
            for (var a = p.AccessStart[e]; a < write; a++)
            {
                var producer = g.Producer[a];
                var tier = producer >= first && producer <= last ? _home : TierOf(p.AccessBuffer[a]);
                var rowBytes = p.AccessBytes[a] / Math.Max(1, g.InputRows[a]);
                Add(bytes, tier, CheckedSize.Multiply(rowBytes, rows.Read[a - baseAccess], RunTraffic));
            }

            if (leaves[e - first])
            {
                Add(bytes, TierOf(p.AccessBuffer[write]), p.AccessBytes[write]);
            }
            else
            {
                var rowBytes = p.AccessBytes[write] / Math.Max(1, g.Rows[e]);
                Add(bytes, _home, CheckedSize.Multiply(rowBytes, rows.Computed[e - first], RunTraffic));
            }

            var cache = placement.WeightCache;
            var wTier = cache.Any && cache.CachedLayers[e] ? cache.Tier : placement.Weights.Tier;
            Add(bytes, wTier, p.WeightBytes[e]);
            return bytes;
        }

        /// <summary>
        /// Stripe buffers of tensors made in the run or staged from the spill tier, whole tensors kept on chip
        /// and live across the run, and the run's weights that stream from off chip.
        /// </summary>
        private long Footprint(int first, int last, StripeRows rows, bool[] leaves)
        {
            const string figure = "the on-chip footprint of a striped run";
            var g = p.Geometry;
            long total = 0;
            var baseAccess = p.AccessStart[first];
            for (var e = first; e <= last; e++)
            {
                var write = p.AccessStart[e + 1] - 1;
                var buffer = p.AccessBuffer[write];
                if (!leaves[e - first] || _spilled[buffer])
                {
                    var rowBytes = p.AccessBytes[write] / Math.Max(1, g.Rows[e]);
                    total = CheckedSize.Add(total, CheckedSize.Multiply(rowBytes, rows.MaxRows[e - first], figure), figure);
                }

                for (var a = p.AccessStart[e]; a < write; a++)
                {
                    var producer = g.Producer[a];
                    if ((producer < first || producer > last) && _spilled[p.AccessBuffer[a]])
                    {
                        var rowBytes = p.AccessBytes[a] / Math.Max(1, g.InputRows[a]);
                        total = CheckedSize.Add(total, CheckedSize.Multiply(rowBytes, rows.MaxRead[a - baseAccess], figure), figure);
                    }
                }

                var cache = placement.WeightCache;
                var streamed = !_acc.Tiers[Math.Max(0, placement.Weights.Tier)].OnChip && !(cache.Any && cache.CachedLayers[e]);
                if (streamed)
                {
                    total = CheckedSize.Add(total, p.WeightBytes[e], figure);
                }
            }

            return CheckedSize.Add(total, KeptAcross(first, last), figure);
        }

        /// <summary>Bytes of buffers kept whole on chip (not spilled) that are live during the run and not made and used up inside it.</summary>
        private long KeptAcross(int first, int last)
        {
            var from = p.Layer[first];
            var to = p.Layer[last];
            long total = 0;
            for (var b = 0; b < p.BufferBytes.Length; b++)
            {
                if (!_spilled[b] && p.BufferFirst[b] <= to && p.BufferLast[b] >= from && !Inside(b, from, to))
                {
                    total = CheckedSize.Add(total, p.BufferBytes[b], "the whole tensors kept on chip across a striped run");
                }
            }

            return total;
        }

        private bool Inside(int buffer, int from, int to) =>
            p.BufferFirst[buffer] >= from && p.BufferLast[buffer] <= to && !p.BufferIsOutput[buffer];

        /// <summary>Per layer of the run: its output buffer is needed after the run (or is a network output).</summary>
        private bool[] Leaves(int first, int last)
        {
            var from = p.Layer[first];
            var to = p.Layer[last];
            var leaves = new bool[last - first + 1];
            for (var e = first; e <= last; e++)
            {
                leaves[e - first] = !Inside(p.AccessBuffer[p.AccessStart[e + 1] - 1], from, to);
            }

            return leaves;
        }

        private int TierOf(int buffer) => _spilled[buffer] ? _spillTier : _home;

        private static void Add(long[] bytes, int tier, long value) => bytes[tier] = CheckedSize.Add(bytes[tier], value, RunTraffic);

        /// <summary>The home tier's capacity less the code and the weights (whole or cached) placed in it.</summary>
        private static long Room(Placement placement)
        {
            var home = placement.Activations.Tier;
            var room = placement.Accelerator.Tiers[home].CapacityBytes;
            if (placement.Code.Tier == home && !placement.Code.Streamed)
            {
                room -= placement.Code.Bytes;
            }

            if (placement.Weights.Tier == home && !placement.Weights.Streamed)
            {
                room -= placement.Weights.Bytes;
            }

            if (placement.WeightCache.Any && placement.WeightCache.Tier == home)
            {
                room -= placement.WeightCache.CachedBytes;
            }

            return room;
        }
    }
}
