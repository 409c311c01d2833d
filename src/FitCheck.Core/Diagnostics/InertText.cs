using System.Globalization;
using System.Text;

namespace FitCheck.Diagnostics;

/// <summary>
/// Makes text taken from an input safe to print: control characters (ESC, CR, NUL, C1 codes), bidirectional
/// overrides and lone surrogates are shown as escapes (<c>\u001b</c>, <c>\n</c>), so a crafted model cannot
/// clear a terminal or forge a `file(1,1): error` line in a CI log; and long text is clipped with a count
/// of what was cut, so a megabyte-long name cannot flood it. <see cref="Diagnostic.Format"/> passes every
/// message through here, and the model readers pass the names they keep for reports.
/// </summary>
public static class InertText
{
    /// <summary>How much of one echoed value is shown.</summary>
    public const int MaxEcho = 200;

    /// <summary>Escaped and clipped to <paramref name="max"/> characters (plus the note of what was cut).</summary>
    public static string Clip(string text, int max = MaxEcho)
    {
        var escaped = Escape(text);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var keep = max;
        if (char.IsHighSurrogate(escaped[keep - 1]))
        {
            keep--;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{escaped.AsSpan(0, keep)}... ({escaped.Length - keep} more characters)");
    }

    /// <summary>Control characters, bidi overrides and lone surrogates as escapes; everything else unchanged.</summary>
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !NeedsEscape(text, i))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(text, i))
            {
                sb.Append(c);
                if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                {
                    sb.Append(text[++i]);
                }

                continue;
            }

            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return sb.ToString();
    }

    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return char.IsControl(c)
            || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c';
    }
}
