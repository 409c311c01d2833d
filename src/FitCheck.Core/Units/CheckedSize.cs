using FitCheck.Diagnostics;

namespace FitCheck.Units;

/// <summary>
/// Sums and products of byte figures. Every figure is range-checked where it is read, but a sum of
/// in-range figures may still pass 2^63; each combining site names its figure so the overflow becomes an
/// input error (FC1101) that says what was being added up. The caller locates it (the manifest line).
/// </summary>
public static class CheckedSize
{
    public static long Add(long a, long b, string figure)
    {
        var sum = unchecked(a + b);
        if (((a ^ sum) & (b ^ sum)) < 0)
        {
            throw Overflow(figure);
        }

        return sum;
    }

    public static long Sum(string figure, params ReadOnlySpan<long> values)
    {
        long total = 0;
        foreach (var v in values)
        {
            total = Add(total, v, figure);
        }

        return total;
    }

    public static long Multiply(long a, long b, string figure)
    {
        var product = (Int128)a * b;
        if (product > long.MaxValue || product < long.MinValue)
        {
            throw Overflow(figure);
        }

        return (long)product;
    }

    public static FitCheckException Overflow(string figure) => new(DiagnosticCatalog.FigureOverflow(figure));
}
