using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Units;

namespace FitCheck.Advice;

/// <summary>
/// Advice where a gate fails: for each failed deployment of a check, the largest size on the model's grid
/// (same aspect ratio, no larger than the size asked) at which every gate passes, and the smallest size of
/// the accelerator's largest on-chip tier with which they pass at the size asked. Both come from the advise
/// searches, which evaluate the real gates, so a report says "would pass at <= 1408x800, or with >= 24.0 MiB
/// of bulk-sram" only when it is so. Work stays bounded: only failed deployments are searched, resolutions
/// only up to the size asked, and past <see cref="MaxDeployments"/> failures the rest get no advice (said so).
/// </summary>
public static class FailureAdvice
{
    /// <summary>A check with hundreds of failures is better answered by `advise`; the first ones still get a hint.</summary>
    public const int MaxDeployments = 32;

    public static CheckReport Annotate(CheckReport report, ManifestDocument manifest, AnalysisCache? cache = null)
    {
        // A member of a `together:` group is not advised: the searches move one model alone, not the group.
        var failed = report.Results.Where(r => r.Passed == false && r.Group is null).Take(MaxDeployments)
            .Select(r => (r.Analysis.Model, r.Analysis.Resolution, r.Accelerator!)).ToHashSet();
        if (failed.Count == 0)
        {
            return report;
        }

        // Only the models with a failure are loaded again (an ONNX file is parsed once per model).
        var models = failed.Select(f => f.Model).ToHashSet(StringComparer.Ordinal);
        var targets = Adviser.Targets(manifest with { Models = manifest.Models.Where(m => models.Contains(m.Name)).ToList() });
        var byKey = new Dictionary<(string, Graph.Resolution, string), AdviceTarget>();
        foreach (var t in targets)
        {
            byKey.TryAdd((t.Model, t.Resolution, t.Accelerator.Name), t);
        }

        cache ??= new AnalysisCache();
        var advised = 0;
        var results = new List<CheckResult>(report.Results.Count);
        foreach (var r in report.Results)
        {
            if (r.Passed != false || r.Accelerator is not { } acc || r.Group is not null)
            {
                results.Add(r);
            }
            else if (advised >= MaxDeployments)
            {
                results.Add(r with { WouldPass = new WouldPass(null, null, null, $"no advice (only the first {MaxDeployments} failed deployments are searched; run `advise`)") });
            }
            else if (byKey.TryGetValue((r.Analysis.Model, r.Analysis.Resolution, acc), out var t))
            {
                advised++;
                results.Add(r with { WouldPass = For(t, cache) });
            }
            else
            {
                results.Add(r);
            }
        }

        return report with { Results = results };
    }

    public static WouldPass For(AdviceTarget t, AnalysisCache cache)
    {
        var resolution = SmallerResolution(t, cache);
        var tier = MainOnChipTier(t.Accelerator);
        long? bytes = null;
        if (tier is not null)
        {
            var answer = MemorySearch.MinMemory(t, cache, tier.Name, null);
            bytes = answer.Status == AdviceStatus.Found && answer.Number > tier.CapacityBytes ? answer.Number : null;
        }

        var parts = new List<string>();
        if (resolution is { } size)
        {
            // A non-monotone arena can make a size with one side larger pass where the asked one fails: no "<=" then.
            var within = size.Width <= t.Resolution.Width && size.Height <= t.Resolution.Height;
            var grid = SideGrid.For(t.Source);
            parts.Add((within ? $"at <= {size}" : $"at {size}") + (grid.Assumed ? $" (assuming sides in multiples of {SideGrid.DefaultStep})" : ""));
        }

        if (bytes is { } b)
        {
            parts.Add($"with >= {ByteFormat.AtLeast(b, tier!.SizeStyle)} of {tier.Name}");
        }

        var sentence = (resolution, bytes) switch
        {
            (null, null) => "would pass at no smaller size on the model's grid" + (tier is null ? "" : $" nor with more {tier.Name}"),
            (null, _) => $"would pass only {parts[0]} (at no smaller size on the model's grid)",
            _ => "would pass " + string.Join(", or ", parts),
        };
        return new WouldPass(resolution?.ToString(), bytes is null ? null : tier!.Name, bytes, sentence);
    }

    /// <summary>
    /// The largest passing size no larger than the one asked (a failed size never is the answer, so the
    /// answer is strictly smaller); null when none passes or the model has no grid to search.
    /// </summary>
    private static Graph.Resolution? SmallerResolution(AdviceTarget t, AnalysisCache cache)
    {
        var longer = Math.Max(t.Resolution.Width, t.Resolution.Height);
        try
        {
            var answer = ResolutionSearch.MaxResolution(t, cache, null, 1, longer, null);
            return answer.Status == AdviceStatus.None || answer.Value is null ? null : Graph.Resolution.Parse(answer.Value);
        }
        catch (FitCheckException)
        {
            // No size on the grid at or below the one asked (a fixed-input model): nothing to say about size.
            return null;
        }
    }

    /// <summary>The on-chip tier with the most capacity (the first declared on a tie): where more memory helps most.</summary>
    private static MemoryTier? MainOnChipTier(Accelerator acc) =>
        acc.Tiers.Where(x => x.OnChip).OrderByDescending(x => x.CapacityBytes).FirstOrDefault();
}
