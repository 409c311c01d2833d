using System.Text.RegularExpressions;

namespace FitCheck.Hardware;

/// <summary>
/// What a memory tier's name says about its kind when the manifest does not state `kind:`. The name is split
/// into words at anything that is not a letter or digit ("host-dram" is "host" and "dram"); a word names a
/// DRAM technology (dram, sdram, ddr4, lpddr4x, gddr6, hbm2e) or an on-chip memory (sram, tcm, itcm, dtcm, ocm,
/// l1..l3, scratchpad, spm, cmx). Exactly one of the two families must appear: "external", "flash", "psram",
/// "ram", "main-memory" or "host-memory" say neither, "sram-or-ddr" says both, and guessing wrong turns a
/// DRAM tier into gigabytes of "on-chip" memory that passes every on-chip gate, so those are input errors.
/// </summary>
public static partial class TierKindRule
{
    /// <summary>Above this an on-chip tier is suspicious: the largest single-die SRAMs shipping hold well under it.</summary>
    public const long PlausibleOnChipBytes = 1L << 30;

    /// <summary>true when the name makes the tier on-chip (SRAM), false when DRAM, null when it does not say.</summary>
    public static bool? OnChipFromName(string name)
    {
        var dram = false;
        var sram = false;
        foreach (var word in Words().Split(name.ToLowerInvariant()))
        {
            dram |= DramWord().IsMatch(word);
            sram |= SramWord().IsMatch(word);
        }

        return dram == sram ? null : sram;
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex("^(s?dram|(lp)?ddr[0-9]*[a-z]?|gddr[0-9]*[a-z]?|hbm[0-9]*[a-z]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DramWord();

    [GeneratedRegex("^(sram|[id]?tcm|ocm|l[1-3]|scratchpad|spm|cmx)$", RegexOptions.CultureInvariant)]
    private static partial Regex SramWord();
}
