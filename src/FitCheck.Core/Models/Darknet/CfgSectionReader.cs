using System.Globalization;
using FitCheck.Diagnostics;

namespace FitCheck.Models.Darknet;

/// <summary>Typed, range-checked access to one section's options; every failure names the line and column of the value.</summary>
internal sealed class CfgSectionReader(CfgSection section, string file)
{
    /// <summary>A list longer than this is not a network anyone wrote by hand or by script.</summary>
    public const int MaxListLength = 1024;

    public SourceLocation At => new(file, section.Line, section.Column);

    public string Name => section.Name;

    public void RejectUnknownKeys(HashSet<string> known)
    {
        foreach (var o in section.Options)
        {
            if (!known.Contains(o.Key))
            {
                throw new FitCheckException(DiagnosticCatalog.CfgUnknownKey(section.Name, o.Key, Closest(o.Key, known), KeyAt(o)));
            }
        }
    }

    /// <summary>Did-you-mean, skipped for text no one typed as a name (edit distance is quadratic).</summary>
    public static string? Closest(string input, IEnumerable<string> candidates) =>
        input.Length > 64 ? null : Suggest.Closest(input, candidates);

    public int Int(string key, int fallback, int min, int max) => (int)Long(key, fallback, min, max);

    public long Long(string key, long fallback, long min, long max)
    {
        var o = section.Find(key);
        return o is null ? fallback : ParseLong(o, o.Value, o.ValueColumn, min, max);
    }

    public int RequiredInt(string key, int min, int max)
    {
        var o = section.Find(key) ?? throw new FitCheckException(DiagnosticCatalog.CfgMissingKey(section.Name, key, At));
        return (int)ParseLong(o, o.Value, o.ValueColumn, min, max);
    }

    /// <summary>A comma-separated list of whole numbers, each with the column where it starts.</summary>
    public List<(long Value, SourceLocation At)> RequiredList(string key, long min, long max)
    {
        var o = section.Find(key) ?? throw new FitCheckException(DiagnosticCatalog.CfgMissingKey(section.Name, key, At));
        var parts = o.Value.Split(',');
        if (parts.Length > MaxListLength)
        {
            throw new FitCheckException(DiagnosticCatalog.CfgListTooLong(key, parts.Length, MaxListLength, ValueAt(o, o.ValueColumn)));
        }

        var items = new List<(long, SourceLocation)>(parts.Length);
        var column = o.ValueColumn;
        foreach (var part in parts)
        {
            var lead = part.Length - part.TrimStart().Length;
            items.Add((ParseLong(o, part.Trim(), column + lead, min, max), ValueAt(o, column + lead)));
            column += part.Length + 1;
        }

        return items;
    }

    /// <summary>Darknet's activation name, or null for "linear".</summary>
    public string? Activation(string fallback)
    {
        var o = section.Find("activation");
        var value = o?.Value ?? fallback;
        if (o is not null && !DarknetKeys.Activations.Contains(value))
        {
            throw new FitCheckException(DiagnosticCatalog.CfgUnknownActivation(value, Closest(value, DarknetKeys.Activations), ValueAt(o, o.ValueColumn)));
        }

        return value == "linear" ? null : value;
    }

    /// <summary>A word from a fixed set (e.g. weights_type=per_channel), as Darknet compares it: exactly.</summary>
    public string Choice(string key, string fallback, IReadOnlyCollection<string> allowed)
    {
        var o = section.Find(key);
        if (o is null)
        {
            return fallback;
        }

        return allowed.Contains(o.Value)
            ? o.Value
            : throw new FitCheckException(DiagnosticCatalog.CfgUnsupportedValue(section.Name, key, o.Value,
                $"expected one of {string.Join(", ", allowed)}", ValueAt(o, o.ValueColumn)));
    }

    public bool Has(string key) => section.Find(key) is not null;

    /// <summary>Rejects a key that would change shapes or costs in a way FitCheck does not model.</summary>
    public void RejectUnless(string key, Func<long, bool> supported, string reason)
    {
        var o = section.Find(key);
        if (o is not null && !supported(ParseLong(o, o.Value, o.ValueColumn, long.MinValue, long.MaxValue)))
        {
            throw new FitCheckException(DiagnosticCatalog.CfgUnsupportedValue(section.Name, key, o.Value, reason, ValueAt(o, o.ValueColumn)));
        }
    }

    private long ParseLong(CfgOption o, string text, int column, long min, long max)
    {
        var at = ValueAt(o, column);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            var digits = text.TrimStart('-', '+');
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            {
                // Too many digits for 64 bits: certainly out of range, and more helpful than "not a number".
                throw new FitCheckException(DiagnosticCatalog.CfgValueOutOfRange(o.Key, text, min, max, at));
            }

            throw new FitCheckException(DiagnosticCatalog.CfgNotANumber(o.Key, text, at));
        }

        if (value < min || value > max)
        {
            throw new FitCheckException(DiagnosticCatalog.CfgValueOutOfRange(o.Key, text, min, max, at));
        }

        return value;
    }

    private SourceLocation KeyAt(CfgOption o) => new(file, o.Line, o.KeyColumn);

    private SourceLocation ValueAt(CfgOption o, int column) => new(file, o.Line, column);
}
