using System.Globalization;
using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Evaluation;

/// <summary>
/// Resolutions for a sweep: `224..2048/32` (square sides from 224 to 2048 in steps of 32), or a list
/// such as `224,416,608x608,1920x1088`. Capped so a typo cannot ask for millions of networks.
/// </summary>
public static class ResolutionRange
{
    public const int MaxCount = 10_000;

    public static IReadOnlyList<Resolution> Parse(string text)
    {
        var t = text.Trim();
        var dots = t.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Resolution.Parse(s)).ToList();
        }

        var slash = t.IndexOf('/', dots);
        var from = Side(t[..dots], text);
        var to = Side(slash < 0 ? t[(dots + 2)..] : t[(dots + 2)..slash], text);
        var step = slash < 0 ? 32 : Side(t[(slash + 1)..], text);
        if (to < from || (to - from) / step + 1 > MaxCount)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"'{text}' is not a usable range",
                $"write FROM..TO/STEP with FROM <= TO and at most {MaxCount} steps, e.g. 224..2048/32"));
        }

        var list = new List<Resolution>();
        for (var side = from; side <= to; side += step)
        {
            list.Add(new Resolution(side, side));
        }

        return list;
    }

    private static int Side(string s, string whole)
    {
        if (!int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1 || v > Resolution.MaxSide)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"'{whole}' is not a resolution range",
                $"write FROM..TO/STEP in pixels (1 to {Resolution.MaxSide}), e.g. 224..2048/32, or a list such as 224,608,1920x1088"));
        }

        return v;
    }
}
