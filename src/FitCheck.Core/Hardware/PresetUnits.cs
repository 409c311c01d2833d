using System.Globalization;
using FitCheck.Diagnostics;

namespace FitCheck.Hardware;

/// <summary>
/// The units the preset file writes (`8 MiB`, `17 GB/s`, `4 TOPS`, `60%`). TOPS count a MAC as two
/// operations, as vendors quote them. A bad value in the embedded file is a bug, reported as FC0308.
/// </summary>
internal static class PresetUnits
{
    private static readonly (string Unit, double Scale)[] Sizes =
        [("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3), ("B", 1)];

    private static readonly (string Unit, double Scale)[] Rates =
        [("TB/s", 1e12), ("GB/s", 1e9), ("MB/s", 1e6), ("kB/s", 1e3), ("B/s", 1)];

    private static readonly (string Unit, double Scale)[] Ops =
        [("POPS", 1e15), ("TOPS", 1e12), ("GOPS", 1e9), ("MOPS", 1e6)];

    public static long Bytes(string text, SourceLocation at) => checked((long)Math.Round(Parse(text, Sizes, at)));

    public static double Bandwidth(string text, SourceLocation at) => Parse(text, Rates, at);

    public static double Compute(string text, SourceLocation at) => Parse(text, Ops, at) / 2;

    public static double Percent(string text, SourceLocation at) => Parse(text, [("%", 0.01)], at);

    private static double Parse(string text, (string Unit, double Scale)[] units, SourceLocation at)
    {
        var t = text.Trim();
        foreach (var (unit, scale) in units)
        {
            if (t.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(t[..^unit.Length].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value * scale;
            }
        }

        throw new FitCheckException(DiagnosticCatalog.InvalidPresetFile(
            $"'{text}' needs one of the units {string.Join(", ", units.Select(u => u.Unit))}", at));
    }
}
