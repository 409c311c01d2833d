using System.Globalization;
using FitCheck.Diagnostics;

namespace FitCheck.Units;

/// <summary>
/// Parses explicit unit strings (`8 MiB`, `17 GB/s`, `4 TOPS`, `10%`, `33 ms`, `30 fps`) with the invariant
/// culture. SI prefixes are powers of 1000 and IEC prefixes (KiB, MiB...) powers of 1024. A bare number,
/// an unknown unit, a unit of another kind, a non-finite number or a value out of range throws a
/// <see cref="FitCheckException"/> whose message names the units that were expected.
/// </summary>
public static class UnitParser
{
    /// <summary>Bytes, rounded to the nearest whole byte; throws if the result does not fit a long.</summary>
    public static long ParseBytes(string text, SourceLocation? at = null, string field = "value", bool allowZero = false)
    {
        var (number, unit, numberText) = Split(text, UnitKind.Size, at, field, allowZero);
        if (!decimal.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            // decimal reaches 7.9e28, far past any byte count a long holds; what it cannot hold is too large.
            if (Math.Abs(number) >= 1)
            {
                throw TooLarge(text, UnitKind.Size, at, field);
            }

            exact = 0;
        }

        decimal bytes;
        try
        {
            bytes = Math.Round(exact * unit.Factor, MidpointRounding.AwayFromZero);
        }
        catch (OverflowException)
        {
            throw TooLarge(text, UnitKind.Size, at, field);
        }

        if (bytes > long.MaxValue)
        {
            throw TooLarge(text, UnitKind.Size, at, field);
        }

        if (bytes == 0 && !allowZero)
        {
            throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange(field, text, "must be at least 1 byte", at, Positive(UnitKind.Size)));
        }

        return (long)bytes;
    }

    /// <summary>Bytes per second.</summary>
    public static double ParseBandwidth(string text, SourceLocation? at = null, string field = "value", bool allowZero = false) =>
        ParseDouble(text, UnitKind.Bandwidth, at, field, allowZero);

    /// <summary>Operations per second (TOPS, GOPS) or multiply-accumulates per second (TMAC/s, GMAC/s).</summary>
    public static ComputeRate ParseCompute(string text, SourceLocation? at = null, string field = "value") =>
        new(ParseDouble(text, UnitKind.Compute, at, field, allowZero: false));

    /// <summary>Hertz.</summary>
    public static double ParseFrequency(string text, SourceLocation? at = null, string field = "value") =>
        ParseDouble(text, UnitKind.Frequency, at, field, allowZero: false);

    /// <summary>A fraction: `10%` is 0.1. The % sign is required so that 0.1 and 10 cannot be confused.</summary>
    public static double ParsePercent(string text, SourceLocation? at = null, string field = "value", bool allowZero = true) =>
        ParseDouble(text, UnitKind.Percent, at, field, allowZero);

    /// <summary>Seconds.</summary>
    public static double ParseSeconds(string text, SourceLocation? at = null, string field = "value") =>
        ParseDouble(text, UnitKind.Duration, at, field, allowZero: false);

    /// <summary>Frames per second.</summary>
    public static double ParseFrameRate(string text, SourceLocation? at = null, string field = "value") =>
        ParseDouble(text, UnitKind.FrameRate, at, field, allowZero: false);

    /// <summary>Parses a value of any kind to its base unit (bytes, bytes/s, ops/s, Hz, fraction, s, fps).</summary>
    public static double Parse(string text, UnitKind kind, SourceLocation? at = null, string field = "value", bool allowZero = false) =>
        kind == UnitKind.Size ? ParseBytes(text, at, field, allowZero) : ParseDouble(text, kind, at, field, allowZero);

    private static double ParseDouble(string text, UnitKind kind, SourceLocation? at, string field, bool allowZero)
    {
        var (number, unit, numberText) = Split(text, kind, at, field, allowZero);

        // Scale in decimal when it can hold the figure, so `33 ms` is the double nearest 0.033 and `10%` is 0.1.
        double value;
        try
        {
            value = decimal.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                ? (double)(exact * unit.Factor)
                : number * (double)unit.Factor;
        }
        catch (OverflowException)
        {
            value = number * (double)unit.Factor;
        }

        if (!double.IsFinite(value))
        {
            throw TooLarge(text, kind, at, field);
        }

        if (value == 0 && !allowZero)
        {
            throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange(field, text, "must be greater than zero", at, Positive(kind)));
        }

        return value;
    }

    /// <summary>Separates the number from its unit and checks everything but the final magnitude.</summary>
    private static (double Number, UnitTable.Unit Unit, string NumberText) Split(
        string text, UnitKind kind, SourceLocation? at, string field, bool allowZero)
    {
        var t = text.Trim();
        var end = ScanNumber(t);
        if (end == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.NotAQuantity(field, text, UnitTable.Expected(kind), Units(kind), at));
        }

        var numberText = t[..end];
        var symbol = t[end..].Trim();
        if (!double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new FitCheckException(DiagnosticCatalog.NotAQuantity(field, text, UnitTable.Expected(kind), Units(kind), at));
        }

        if (!double.IsFinite(number))
        {
            throw TooLarge(text, kind, at, field);
        }

        if (symbol.Length == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.MissingUnit(field, text, UnitTable.Expected(kind), Units(kind), at));
        }

        if (symbol[0] is ',' or '.' || char.IsAsciiDigit(symbol[0]))
        {
            // "1,5 MB": a comma decimal separator, or digits split by a space or a thousands separator.
            throw new FitCheckException(DiagnosticCatalog.NotAQuantity(field, text, UnitTable.Expected(kind), Units(kind), at));
        }

        if (UnitTable.Find(symbol) is not { } unit)
        {
            throw new FitCheckException(DiagnosticCatalog.UnknownUnit(field, text, symbol, SuggestUnit(symbol, kind),
                UnitTable.Expected(kind), Units(kind), at));
        }

        if (unit.Kind != kind)
        {
            throw new FitCheckException(DiagnosticCatalog.WrongUnitKind(field, text, UnitTable.Noun(unit.Kind),
                UnitTable.Expected(kind), Units(kind), at));
        }

        if (number < 0)
        {
            throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange(field, text, "must not be negative", at,
                allowZero ? $"give zero or {UnitTable.Expected(kind)}" : Positive(kind)));
        }

        if (number == 0 && !allowZero)
        {
            throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange(field, text, "must be greater than zero", at, Positive(kind)));
        }

        return (number, unit, numberText);
    }

    /// <summary>Length of the leading decimal number (sign, digits, fraction, exponent); 0 if there is none.</summary>
    private static int ScanNumber(string t)
    {
        var i = 0;
        if (i < t.Length && t[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < t.Length && char.IsAsciiDigit(t[i]))
        {
            i++;
            digits++;
        }

        if (i < t.Length && t[i] == '.')
        {
            i++;
            while (i < t.Length && char.IsAsciiDigit(t[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return 0;
        }

        // An exponent only when digits follow, so that "2 EB" style symbols are never eaten.
        if (i < t.Length && t[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < t.Length && t[j] is '+' or '-')
            {
                j++;
            }

            if (j < t.Length && char.IsAsciiDigit(t[j]))
            {
                while (j < t.Length && char.IsAsciiDigit(t[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        return i;
    }

    private static string? SuggestUnit(string symbol, UnitKind kind)
    {
        if (symbol.Length > 64)
        {
            return null;
        }

        // Case mistakes first ("mib" → "MiB"), then spelling within the expected kind.
        foreach (var u in UnitTable.All)
        {
            if (u.Kind == kind && string.Equals(u.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return u.Symbol;
            }
        }

        return DiagnosticCatalog.Closest(symbol, UnitTable.Symbols(kind));
    }

    private static string Units(UnitKind kind) => string.Join(", ", UnitTable.Symbols(kind));

    private static FitCheckException TooLarge(string text, UnitKind kind, SourceLocation? at, string field) =>
        new(DiagnosticCatalog.ValueOutOfRange(field, text, $"is too large for {UnitTable.Noun(kind)}", at,
            kind == UnitKind.Size
                ? "sizes must stay below 2^63 bytes (8 EiB); check the number and its prefix"
                : "check the number and its prefix; the value must be a finite number"));

    private static string Positive(UnitKind kind) => $"give a value greater than zero: {UnitTable.Expected(kind)}";
}
