using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>ONNX shape rules (numpy broadcasting, negative axes) and the mapping of ONNX ranks onto NCHW layers.</summary>
internal static class OnnxShapes
{
    /// <summary>
    /// Rank 4 is NCHW as is; rank 2 (N x features) is N x C x 1 x 1 like a fully connected output; rank 3
    /// (N x C x L) puts L in H; higher ranks fold their tail into W. Element counts are always preserved.
    /// </summary>
    public static TensorShape ToShape(long[] dims) => dims.Length switch
    {
        0 => new TensorShape(1, 1, 1, 1),
        1 => new TensorShape(1, dims[0], 1, 1),
        2 => new TensorShape(dims[0], dims[1], 1, 1),
        3 => new TensorShape(dims[0], dims[1], dims[2], 1),
        _ => new TensorShape(dims[0], dims[1], dims[2], Product(dims, 3, dims.Length)),
    };

    /// <summary>The ONNX dims of a layer output whose ONNX rank is <paramref name="rank"/> (2, 3 or 4).</summary>
    public static long[] FromShape(TensorShape s, int rank) => rank switch
    {
        2 => [s.N, s.C],
        3 => [s.N, s.C, s.H],
        _ => [s.N, s.C, s.H, s.W],
    };

    public static long Product(long[] dims, int from, int to)
    {
        long n = 1;
        for (var i = from; i < to; i++)
        {
            n = checked(n * dims[i]);
        }

        return n;
    }

    public static long[]? Broadcast(long[] a, long[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            var x = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var y = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (x != y && x != 1 && y != 1)
            {
                return null;
            }

            result[i] = x == 1 ? y : x;
        }

        return result;
    }

    /// <summary>Normalises an axis that may count from the end; null when out of range.</summary>
    public static int? Axis(long axis, int rank)
    {
        var a = axis < 0 ? axis + rank : axis;
        return a >= 0 && a < rank ? (int)a : null;
    }

    public static string Format(long[] dims) =>
        "[" + string.Join(",", dims.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    public static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
