using System.Globalization;
using FitCheck.Diagnostics;

namespace FitCheck.Graph;

/// <summary>An input size as users write it: WIDTHxHEIGHT.</summary>
public readonly record struct Resolution(int Width, int Height)
{
    /// <summary>Above this an image is not an input a network will see; keeps arithmetic and time bounded.</summary>
    public const int MaxSide = 65536;

    public double Megapixels => (double)Width * Height / 1e6;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");

    public static bool TryParse(string text, out Resolution resolution)
    {
        resolution = default;
        var parts = text.Trim().Split('x', 'X', '×');
        if (parts.Length is not (1 or 2))
        {
            return false;
        }

        if (!TryParseSide(parts[0], out var w))
        {
            return false;
        }

        var h = w;
        if (parts.Length == 2 && !TryParseSide(parts[1], out h))
        {
            return false;
        }

        resolution = new Resolution((int)Math.Min(w, int.MaxValue), (int)Math.Min(h, int.MaxValue));
        return true;
    }

    public static Resolution Parse(string text, SourceLocation? at = null)
    {
        if (!TryParse(text, out var r))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidResolutionSyntax(text, at));
        }

        if (r.Width <= 0 || r.Height <= 0 || r.Width > MaxSide || r.Height > MaxSide)
        {
            throw new FitCheckException(DiagnosticCatalog.ResolutionOutOfRange(text, MaxSide, at));
        }

        return r;
    }

    /// <summary>
    /// Digits only. A number too long for 64 bits still counts as a side (clamped), so it is reported as
    /// out of range rather than as bad syntax.
    /// </summary>
    private static bool TryParseSide(string s, out long value)
    {
        var t = s.Trim();
        if (long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        value = long.MaxValue;
        return t.Length > 0 && t.All(char.IsAsciiDigit);
    }
}
