using System.Globalization;

namespace FitCheck.Units;

/// <summary>Human-readable byte counts: decimal SI with one decimal, invariant culture ("17.7 MB").</summary>
public static class ByteFormat
{
    private static readonly string[] Suffixes = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    public static string Human(long bytes)
    {
        if (bytes < 0)
        {
            return "-" + Human(bytes == long.MinValue ? long.MaxValue : -bytes);
        }

        if (bytes < 1000)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        double value = bytes;
        var i = 0;
        while (value >= 999.95 && i < Suffixes.Length - 1)
        {
            value /= 1000;
            i++;
        }

        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + Suffixes[i];
    }
}
