using System.Globalization;

namespace FitCheck.Units;

/// <summary>Sizes for people: decimal SI prefixes, one decimal, invariant culture ("17.7 MB").</summary>
public static class ByteFormat
{
    private static readonly string[] Prefixed = ["kB", "MB", "GB", "TB"];

    public static string Human(long bytes)
    {
        var sign = bytes < 0 ? "-" : "";
        var magnitude = Math.Abs((decimal)bytes);
        if (magnitude < 1000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude} B");
        }

        var scaled = magnitude;
        var unit = -1;
        // Move up a prefix while the rounded figure would read 1000.0 or more ("999.96 kB" is "1.0 MB").
        while (unit < Prefixed.Length - 1 && Math.Round(scaled, 1, MidpointRounding.AwayFromZero) >= 1000)
        {
            scaled /= 1000;
            unit++;
        }

        var rounded = Math.Round(scaled, 1, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{rounded:0.0} {Prefixed[unit]}");
    }
}
