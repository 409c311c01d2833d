using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Units;

namespace FitCheck.Advice;

/// <summary>
/// `--min-memory TIER`: the smallest capacity of one tier at which the gates pass at the deployment's own
/// resolution, in steps of <see cref="Granularity"/> per tile. A bigger tier only gives the placer more
/// room (the gates' capacities and the placement's first-fit both grow with it; tested over the zoo), so
/// the search bisects between nothing and a size that holds every item at once; beyond that, more memory
/// changes nothing and a failure there is not a memory problem.
/// </summary>
public static class MemorySearch
{
    public const string Question = "min-memory";

    /// <summary>Answers are multiples of 1 KiB per tile: finer than any SRAM is sold in.</summary>
    public const long Granularity = 1024;

    public static AdviceAnswer MinMemory(AdviceTarget t, AnalysisCache cache, string tierName, string? gate)
    {
        var index = IndexOf(t.Accelerator, tierName);
        if (index < 0)
        {
            throw new FitCheckException(DiagnosticCatalog.AdviceUnknownTier(tierName, t.Accelerator.Name, t.Accelerator.Tiers.Select(x => x.Name), t.Location));
        }

        var tier = t.Accelerator.Tiers[index];
        var a = cache.Get(t.Model, t.Source, t.Resolution, t.Batch, t.Precision, t.Location);
        var who = $"{t.Model} {t.Resolution} on {t.Accelerator.Name}";
        var what = gate is null ? "every gate passes" : $"the {gate} gate passes";
        var method = $"bisection on {tier.Name}'s size in steps of {ByteFormat.Human(Granularity)} per tile ({tier.Tiles} tile(s))";
        if (a is null)
        {
            return new AdviceAnswer(t, Question, gate, AdviceStatus.None, null, null, null, [], $"{who}: the model's sizes exceed 64-bit arithmetic", method, 0);
        }

        var forTarget = a.WithCodeModel(t.Accelerator.Code);
        var headroom = Math.Min(t.Gates.HeadroomFraction, 0.99);
        var everything = checked(forTarget.CodeBytes + forTarget.Activations.PeakBytes + forTarget.WeightBytes);
        var ceiling = checked((long)Math.Ceiling(everything / (1 - headroom)) + Granularity);
        long hiUnits = checked((ceiling + (tier.Tiles * Granularity) - 1) / (tier.Tiles * Granularity));
        var evaluated = 1;
        bool PassesWith(long units) => GateProbe.Passes(a, Resize(t.Accelerator, index, checked(units * Granularity)), t.Gates, gate);
        if (!PassesWith(hiUnits))
        {
            var why = Failures(a, t, index, hiUnits, gate);
            return new AdviceAnswer(t, Question, gate, AdviceStatus.None, null, null, null, why,
                $"{who}: no size of {tier.Name} makes {what.Replace(" passes", " pass", StringComparison.Ordinal)}; with {ByteFormat.Human(hiUnits * Granularity * tier.Tiles)} {ResolutionSearch.First(why)}",
                method, evaluated);
        }

        long lo = -1, hi = hiUnits;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            evaluated++;
            if (PassesWith(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        var bytes = checked(hi * Granularity * tier.Tiles);
        var current = tier.CapacityBytes;
        var compare = bytes <= current ? $"it has {ByteFormat.Human(current, tier.SizeStyle)}" : $"{ByteFormat.Human(bytes - current, tier.SizeStyle)} more than its {ByteFormat.Human(current, tier.SizeStyle)}";
        if (hi == 0)
        {
            return new AdviceAnswer(t, Question, gate, AdviceStatus.Found, "0 B", 0, null, [],
                $"{who}: {what} without any {tier.Name} ({compare})", method, evaluated);
        }

        var failures = Failures(a, t, index, hi - 1, gate);
        var less = ByteFormat.Human((hi - 1) * Granularity * tier.Tiles, tier.SizeStyle);
        var atLeast = ByteFormat.AtLeast(bytes, tier.SizeStyle);
        return new AdviceAnswer(t, Question, gate, AdviceStatus.Found, atLeast, bytes, less, failures,
            $"{who}: {what} with >= {atLeast} of {tier.Name} ({compare}); with {less} {ResolutionSearch.First(failures)}",
            method, evaluated);
    }

    /// <summary>The accelerator with one tier's per-tile size replaced.</summary>
    public static Accelerator Resize(Accelerator acc, int tier, long tileBytes)
    {
        var tiers = acc.Tiers.ToArray();
        tiers[tier] = tiers[tier] with { TileBytes = tileBytes };
        return acc with { Tiers = tiers };
    }

    public static int IndexOf(Accelerator acc, string tier)
    {
        for (var i = 0; i < acc.Tiers.Count; i++)
        {
            if (string.Equals(acc.Tiers[i].Name, tier.Trim(), StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static IReadOnlyList<Evaluation.GateResult> Failures(ModelAnalysis a, AdviceTarget t, int tier, long units, string? gate) =>
        GateProbe.Relevant(GateProbe.Run(a, Resize(t.Accelerator, tier, checked(units * Granularity)), t.Gates).Gates, gate)
            .Where(g => !g.Passed).ToList();
}
