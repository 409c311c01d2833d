using System.Globalization;
using FitCheck.Units;

namespace FitCheck.Throughput;

/// <summary>
/// The striping an estimate used, in words for the console, Markdown and explain: "striped: 2 runs (conv_0 ..
/// shortcut_4 in 42 stripes of 13 rows; conv_5 .. conv_6 in 12 stripes of 23 rows); on chip 5.2 MB at most;
/// 0.1 GMACs/frame recomputed in halos; 120.0 MB/frame off chip by the striped runs". More than
/// <see cref="Listed"/> runs are summarised (layers per run, stripe heights) rather than listed.
/// Figures per frame (a batch's divided by the batch).
/// </summary>
public static class StripeSummary
{
    public const int Listed = 3;

    public static string Sentence(StripePlan plan, Func<int, string> layerName, int batch)
    {
        if (!plan.Any)
        {
            return "striped: no run";
        }

        var runs = plan.Runs;
        string detail;
        if (runs.Count <= Listed)
        {
            detail = string.Join("; ", runs.Select(Run));
        }
        else
        {
            var layers = runs.Select(r => r.Last - r.First + 1).ToList();
            var rows = runs.Select(r => r.StripeRows).ToList();
            detail = string.Create(CultureInfo.InvariantCulture,
                $"{Range(layers.Min(), layers.Max())} layers each, from {layerName(runs[0].First)} to {layerName(runs[^1].Last)}, in stripes of {Range(rows.Min(), rows.Max())} rows");
        }

        long offChip = 0;
        foreach (var r in runs)
        {
            offChip = CheckedSize.Add(offChip, r.OffChipBytes, "the off-chip bytes of the striped runs");
        }

        var count = runs.Count == 1 ? "1 run" : $"{runs.Count} runs";
        return string.Create(CultureInfo.InvariantCulture,
            $"striped: {count} ({detail}); on chip {ByteFormat.Human(plan.OnChipBytes)} at most; " +
            $"{plan.TotalExtraMacs / batch / 1e9:0.###} GMACs/frame recomputed in halos; {ByteFormat.Human(offChip / batch)}/frame off chip by the striped runs");

        string Run(StripeRun r) => string.Create(CultureInfo.InvariantCulture,
            $"{layerName(r.First)} .. {layerName(r.Last)} in {r.Stripes} stripes of {r.StripeRows} rows");
    }

    /// <summary>One line per run for explain: "run 2: conv_5 .. conv_6, 12 stripes of 23 rows, on chip 5.1 MB, ...".</summary>
    public static IEnumerable<string> Lines(StripePlan plan, Func<int, string> layerName, int batch) =>
        plan.Runs.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"  run {i + 1}: {layerName(r.First)} .. {layerName(r.Last)}, {r.Stripes} stripes of {r.StripeRows} rows, on chip {ByteFormat.Human(r.OnChipBytes)}, " +
            $"{r.ExtraMacs / batch / 1e6:0.#} MMACs recomputed, {ByteFormat.Human(r.OffChipBytes / batch)} off chip, {r.Seconds * 1e3:0.###} ms striped vs {r.SpillSeconds * 1e3:0.###} ms spilled"));

    private static string Range(long min, long max) =>
        min == max ? min.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{min} to {max}");
}
