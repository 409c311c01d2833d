using System.Text;
using FitCheck.Diagnostics;

namespace FitCheck.Models.Darknet;

/// <summary>
/// Splits a .cfg into sections in one streaming pass. Input is bounded: at most
/// <see cref="MaxChars"/> characters and <see cref="MaxSections"/> sections are read, so a wrong or hostile
/// file costs a bounded amount of memory and time.
/// </summary>
internal static class CfgReader
{
    public const long MaxBytes = 16L * 1024 * 1024;
    public const long MaxChars = MaxBytes;
    public const int MaxSections = 65536;

    public static List<CfgSection> Read(TextReader reader, string file)
    {
        var sections = new List<CfgSection>();
        var line = new StringBuilder();
        long total = 0;
        var lineNumber = 0;
        var atEnd = false;
        while (!atEnd)
        {
            line.Clear();
            while (true)
            {
                var c = reader.Read();
                if (c < 0)
                {
                    atEnd = true;
                    break;
                }

                if (++total > MaxChars)
                {
                    throw new FitCheckException(DiagnosticCatalog.CfgTooLarge(file, MaxBytes));
                }

                if (c == '\n')
                {
                    break;
                }

                if (c == '\r')
                {
                    if (reader.Peek() == '\n')
                    {
                        reader.Read();
                        total++;
                    }

                    break;
                }

                if (c == '\0')
                {
                    throw new FitCheckException(DiagnosticCatalog.CfgNotText(new SourceLocation(file, lineNumber + 1, line.Length + 1)));
                }

                line.Append((char)c);
            }

            lineNumber++;
            if (atEnd && line.Length == 0)
            {
                break;
            }

            ParseLine(line.ToString(), lineNumber, file, sections);
        }

        return sections;
    }

    private static void ParseLine(string text, int lineNumber, string file, List<CfgSection> sections)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start == text.Length || text[start] is '#' or ';')
        {
            return;
        }

        var at = new SourceLocation(file, lineNumber, start + 1);
        if (text[start] == '[')
        {
            var close = text.IndexOf(']', start);
            if (close < 0)
            {
                throw new FitCheckException(DiagnosticCatalog.CfgUnterminatedSection(text.Trim(), at));
            }

            if (sections.Count >= MaxSections)
            {
                throw new FitCheckException(DiagnosticCatalog.CfgTooManyLayers(MaxSections, at));
            }

            sections.Add(new CfgSection(text[(start + 1)..close].Trim(), lineNumber, start + 1));
            return;
        }

        var eq = text.IndexOf('=', start);
        if (eq < 0)
        {
            throw new FitCheckException(DiagnosticCatalog.CfgExpectedKeyValue(text.Trim(), at));
        }

        var key = text[start..eq].Trim();
        if (key.Length == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.CfgExpectedKeyValue(text.Trim(), at));
        }

        if (sections.Count == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.CfgKeyOutsideSection(key, at));
        }

        var valueStart = eq + 1;
        while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart]))
        {
            valueStart++;
        }

        // Darknet has no inline comments, but people write them; its atoi stops at '#' anyway.
        var value = text[valueStart..];
        var hash = value.IndexOf('#');
        if (hash >= 0)
        {
            value = value[..hash];
        }

        sections[^1].Options.Add(new CfgOption(key, value.Trim(), lineNumber, start + 1, valueStart + 1));
    }
}
