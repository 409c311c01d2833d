namespace FitCheck.Models.Onnx;

/// <summary>
/// Evaluates elementwise operators on constants, with numpy broadcasting, so that the shape arithmetic of
/// exported graphs (Shape → Gather → Mul → Concat → Reshape, Range, Where on shape vectors) turns into
/// static shapes. Integers are exact checked 64-bit arithmetic; nothing larger than
/// <see cref="MaxElements"/> values is ever materialised (beyond it a constant keeps only its dims).
/// </summary>
internal static class OnnxFold
{
    /// <summary>The most values a folded constant may hold (64 K): shape vectors and small tables, never weights.</summary>
    public const int MaxElements = 1 << 16;

    /// <summary>Integer values of the elementwise result, or null when an input has no values or the result is too large.</summary>
    public static long[]? Ints(long[] dims, IReadOnlyList<OnnxValue> inputs, Func<long[], long> f)
    {
        var sources = new long[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].IntValues is not { } v)
            {
                return null;
            }

            sources[i] = v;
        }

        return Map(dims, inputs, sources, f);
    }

    public static double[]? Floats(long[] dims, IReadOnlyList<OnnxValue> inputs, Func<double[], double> f)
    {
        var sources = new double[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].FloatValues is not { } v)
            {
                return null;
            }

            sources[i] = v;
        }

        return Map(dims, inputs, sources, f);
    }

    /// <summary>The element count when it is small enough to hold, else -1.</summary>
    public static long SmallCount(long[] dims)
    {
        long n = 1;
        foreach (var d in dims)
        {
            if (d < 0 || d > MaxElements)
            {
                return -1;
            }

            n *= d;
            if (n > MaxElements)
            {
                return -1;
            }
        }

        return n;
    }

    private static T[]? Map<T>(long[] dims, IReadOnlyList<OnnxValue> inputs, T[][] sources, Func<T[], T> f)
    {
        var count = SmallCount(dims);
        if (count < 0)
        {
            return null;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (sources[i].Length != SmallCount(inputs[i].Dims))
            {
                return null;
            }
        }

        var rank = dims.Length;
        var strides = new long[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            strides[i] = BroadcastStrides(inputs[i].Dims, dims);
        }

        var result = new T[count];
        var index = new long[rank];
        var args = new T[inputs.Count];
        for (var n = 0; n < count; n++)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                long offset = 0;
                for (var d = 0; d < rank; d++)
                {
                    offset += index[d] * strides[i][d];
                }

                args[i] = sources[i][offset];
            }

            result[n] = f(args);
            for (var d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < dims[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }

        return result;
    }

    /// <summary>Strides of <paramref name="from"/> laid over <paramref name="to"/>: 0 on broadcast axes.</summary>
    private static long[] BroadcastStrides(long[] from, long[] to)
    {
        var strides = new long[to.Length];
        long stride = 1;
        for (var d = to.Length - 1; d >= 0; d--)
        {
            var source = d - (to.Length - from.Length);
            var size = source >= 0 ? from[source] : 1;
            strides[d] = size == 1 ? 0 : stride;
            stride *= size;
        }

        return strides;
    }

    /// <summary>
    /// A constant whose values are picked from <paramref name="x"/> (slice, transpose): output element at
    /// multi-index i takes x at <paramref name="source"/>(i). Values are kept only when both sides are small.
    /// </summary>
    public static OnnxValue Remap(OnnxValue x, long[] dims, Func<long[], long[]> source)
    {
        var count = SmallCount(dims);
        var inCount = SmallCount(x.Dims);
        if (count < 0 || inCount < 0 || (x.Ints?.Length ?? x.Floats?.Length ?? -1) != inCount)
        {
            return OnnxValue.Constant(dims, x.DataType, null, null, x.Generated);
        }

        var strides = new long[x.Rank];
        long stride = 1;
        for (var d = x.Rank - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= x.Dims[d];
        }

        var picks = new long[count];
        var index = new long[dims.Length];
        for (var n = 0; n < count; n++)
        {
            var from = source(index);
            long offset = 0;
            for (var d = 0; d < from.Length; d++)
            {
                offset += from[d] * strides[d];
            }

            picks[n] = offset;
            for (var d = dims.Length - 1; d >= 0; d--)
            {
                if (++index[d] < dims[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }

        return OnnxValue.Constant(dims, x.DataType, x.Ints is { } i ? [.. picks.Select(p => i[p])] : null,
            x.Floats is { } f ? [.. picks.Select(p => f[p])] : null, x.Generated);
    }
}
