using System.Globalization;

namespace FitCheck.Units;

/// <summary>
/// Sizes for people, invariant culture: decimal SI prefixes with one decimal ("17.7 MB"), or, for figures the
/// user wrote in binary units, IEC prefixes ("8 MiB", "1.5 MiB") so their own numbers come back.
/// </summary>
public static class ByteFormat
{
    private static readonly string[] Prefixed = ["kB", "MB", "GB", "TB"];
    private static readonly string[] BinaryPrefixed = ["KiB", "MiB", "GiB", "TiB"];

    public static string Human(long bytes) => Human(bytes, ByteStyle.Decimal);

    public static string Human(long bytes, ByteStyle style)
    {
        var sign = bytes < 0 ? "-" : "";
        var magnitude = Math.Abs((decimal)bytes);
        var (step, names) = style == ByteStyle.Binary ? (1024m, BinaryPrefixed) : (1000m, Prefixed);
        if (magnitude < step)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude} B");
        }

        var scaled = magnitude;
        var unit = -1;
        // Move up a prefix while the rounded figure would read 1000.0 (1024.0) or more ("999.96 kB" is "1.0 MB").
        while (unit < names.Length - 1 && Math.Round(scaled, 1, MidpointRounding.AwayFromZero) >= step)
        {
            scaled /= step;
            unit++;
        }

        var rounded = Math.Round(scaled, 1, MidpointRounding.AwayFromZero);
        // A binary figure is usually a round capacity someone wrote ("8 MiB"); print it the way it was written.
        var format = style == ByteStyle.Binary && scaled == decimal.Truncate(scaled) ? "0" : "0.0";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{rounded.ToString(format, CultureInfo.InvariantCulture)} {names[unit]}");
    }

    /// <summary>
    /// A minimum for people: like <see cref="Human(long, ByteStyle)"/> but rounded up, never down, so
    /// "at least 1.8 MiB" is never less than the bytes it stands for (1,817,600 B reads 1.8 MiB, not 1.7 MiB).
    /// </summary>
    public static string AtLeast(long bytes, ByteStyle style)
    {
        var step = style == ByteStyle.Binary ? 1024m : 1000m;
        if (bytes < step)
        {
            return Human(bytes, style);
        }

        var scale = 1m;
        while (bytes / scale >= step && scale < step * step * step * step)
        {
            scale *= step;
        }

        var tenths = decimal.Ceiling(bytes / scale * 10) / 10;
        return Human(bytes == decimal.Truncate(tenths * scale) ? bytes : (long)Math.Min(long.MaxValue, tenths * scale), style);
    }

    /// <summary>Binary when a written size uses an IEC prefix (KiB, MiB, GiB, TiB), else decimal (also for null).</summary>
    public static ByteStyle StyleOf(string? written) =>
        written is not null && written.Contains("ib", StringComparison.OrdinalIgnoreCase) ? ByteStyle.Binary : ByteStyle.Decimal;
}
