using FitCheck.Analysis;

namespace FitCheck.Throughput;

/// <summary>
/// Row accounting of one run of layers (executed layers <c>first</c> .. <c>last</c>) cut into stripes of
/// <c>h</c> output rows of its last layer. A stripe walks the run backwards: the last layer, and every layer
/// whose output leaves the run, owns its share of the stripe's rows (h x its rows / the last layer's rows);
/// every layer must also compute the rows its consumers in the run read (kernel, stride, dilation, padding),
/// so overlapping halos are recomputed, stripe after stripe. Per layer: rows computed over all stripes and the
/// most in one stripe (its stripe buffer); per input: rows read over all stripes and the most in one stripe.
/// <see cref="Exact"/> walks every stripe with clipping at the image edges; <see cref="Estimate"/> takes one
/// interior stripe and multiplies (for the search, where exactness is not needed).
/// </summary>
internal sealed class StripeRows
{
    private StripeRows(int layers, int accesses)
    {
        Computed = new long[layers];
        MaxRows = new long[layers];
        Read = new long[accesses];
        MaxRead = new long[accesses];
    }

    /// <summary>Rows computed per executed layer of the run (index layer - first), summed over stripes.</summary>
    public long[] Computed { get; }

    public long[] MaxRows { get; }

    /// <summary>Rows read per access of the run (index access - AccessStart[first]), summed over stripes.</summary>
    public long[] Read { get; }

    public long[] MaxRead { get; }

    public long Stripes { get; private init; }

    /// <param name="leaves">Per executed layer of the run: its output is needed after the run (or is a network output).</param>
    public static StripeRows Exact(TrafficProfile p, int first, int last, long h, bool[] leaves)
    {
        var g = p.Geometry;
        var baseAccess = p.AccessStart[first];
        var rows = new StripeRows(last - first + 1, p.AccessStart[last + 1] - baseAccess) { Stripes = Ceil(g.Rows[last], h) };
        var lo = new long[last - first + 1];
        var hi = new long[last - first + 1];
        var sink = g.Rows[last];
        for (long i = 0; i < rows.Stripes; i++)
        {
            Array.Fill(lo, long.MaxValue);
            Array.Fill(hi, -1);
            var top = checked(i * h);
            var bottom = Math.Min(sink, checked((i + 1) * h));
            for (var e = last; e >= first; e--)
            {
                var k = e - first;
                var own = g.Rows[e];
                if (e == last || leaves[k])
                {
                    var ownLo = (long)((Int128)top * own / sink);
                    var ownHi = bottom == sink ? own - 1 : (long)((Int128)bottom * own / sink) - 1;
                    Union(lo, hi, k, ownLo, ownHi);
                }

                lo[k] = Math.Max(lo[k], 0);
                hi[k] = Math.Min(hi[k], own - 1);
                if (hi[k] < lo[k])
                {
                    continue;
                }

                var length = hi[k] - lo[k] + 1;
                rows.Computed[k] += length;
                rows.MaxRows[k] = Math.Max(rows.MaxRows[k], length);
                for (var a = p.AccessStart[e]; a < p.AccessStart[e + 1] - 1; a++)
                {
                    var (inLo, inHi) = InputRows(g, a, own, lo[k], hi[k]);
                    inLo = Math.Max(inLo, 0);
                    inHi = Math.Min(inHi, g.InputRows[a] - 1);
                    if (inHi < inLo)
                    {
                        continue;
                    }

                    rows.Read[a - baseAccess] += inHi - inLo + 1;
                    rows.MaxRead[a - baseAccess] = Math.Max(rows.MaxRead[a - baseAccess], inHi - inLo + 1);
                    var producer = g.Producer[a];
                    if (producer >= first && producer < e)
                    {
                        Union(lo, hi, producer - first, inLo, inHi);
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>One interior stripe's rows per layer and input (no edge clipping), times the stripe count.</summary>
    public static StripeRows Estimate(TrafficProfile p, int first, int last, long h, bool[] leaves)
    {
        var g = p.Geometry;
        var baseAccess = p.AccessStart[first];
        var rows = new StripeRows(last - first + 1, p.AccessStart[last + 1] - baseAccess) { Stripes = Ceil(g.Rows[last], h) };
        var n = rows.Stripes;
        var sink = g.Rows[last];
        var need = rows.MaxRows;
        for (var e = last; e >= first; e--)
        {
            var k = e - first;
            var own = g.Rows[e];
            if (e == last || leaves[k])
            {
                need[k] = Math.Max(need[k], (long)(((Int128)h * own + sink - 1) / sink));
            }

            need[k] = Math.Min(need[k], own);
            rows.Computed[k] = Total(need[k], own, n);
            if (need[k] == 0)
            {
                continue;
            }

            for (var a = p.AccessStart[e]; a < p.AccessStart[e + 1] - 1; a++)
            {
                var r = Math.Min(Need(g, a, own, need[k]), g.InputRows[a]);
                rows.MaxRead[a - baseAccess] = r;
                rows.Read[a - baseAccess] = Total(r, g.InputRows[a], n);
                var producer = g.Producer[a];
                if (producer >= first && producer < e)
                {
                    need[producer - first] = Math.Max(need[producer - first], r);
                }
            }
        }

        return rows;
    }

    /// <summary>Input rows output rows lo..hi read (before clipping to the input).</summary>
    public static (long Lo, long Hi) InputRows(StripeGeometry g, int access, long outRows, long lo, long hi)
    {
        var w = g.Window[access];
        return g.Map[access] switch
        {
            RowMap.Same => (lo, hi),
            RowMap.Whole => (0, g.InputRows[access] - 1),
            RowMap.Window => (checked(lo * w.Stride - w.PadTop), checked(hi * w.Stride - w.PadTop + w.Span - 1)),
            RowMap.Transposed => (CeilDiv(lo + w.PadTop - w.Kernel + 1, w.Stride), FloorDiv(hi + w.PadTop, w.Stride)),
            _ => ((long)((Int128)lo * g.InputRows[access] / outRows), (long)((Int128)hi * g.InputRows[access] / outRows)),
        };
    }

    /// <summary>Input rows a stripe of r output rows reads, wherever it sits (unclipped).</summary>
    private static long Need(StripeGeometry g, int access, long outRows, long r)
    {
        var w = g.Window[access];
        return g.Map[access] switch
        {
            RowMap.Same => r,
            RowMap.Whole => g.InputRows[access],
            RowMap.Window => checked((r - 1) * w.Stride + w.Span),
            RowMap.Transposed => (r + w.Kernel - 2) / w.Stride + 1,
            _ => (long)((Int128)(r - 1) * g.InputRows[access] / outRows) + 2,
        };
    }

    /// <summary>n stripes of r rows over a tensor of <paramref name="rows"/>: the rows plus (n - 1) halos, at most n x r.</summary>
    private static long Total(long r, long rows, long n)
    {
        if (r <= 0)
        {
            return 0;
        }

        var fresh = rows / (double)n;
        var total = rows + (n - 1) * Math.Max(0, r - fresh);
        return (long)Math.Ceiling(Math.Min(total, (double)n * r));
    }

    private static void Union(long[] lo, long[] hi, int k, long from, long to)
    {
        if (to < from)
        {
            return;
        }

        lo[k] = Math.Min(lo[k], from);
        hi[k] = Math.Max(hi[k], to);
    }

    private static long Ceil(long a, long b) => (a + b - 1) / b;

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
}
