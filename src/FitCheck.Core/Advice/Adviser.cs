using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models;

namespace FitCheck.Advice;

/// <summary>
/// Answers the questions for every deployment of a manifest (or for one ad-hoc target). The bad questions
/// — an unknown tier, a gate the deployment does not have, a range with no size on the grid — are input
/// errors located at the deployment they were asked about, raised before any searching.
/// </summary>
public static class Adviser
{
    public static AdviceReport Advise(ManifestDocument manifest, AdviceQuestion question, AnalysisCache? cache = null) =>
        new(manifest.Path, question, Advise(Targets(manifest), question, cache ?? new AnalysisCache()));

    public static IReadOnlyList<AdviceAnswer> Advise(IReadOnlyList<AdviceTarget> targets, AdviceQuestion question, AnalysisCache cache)
    {
        if (!question.Any)
        {
            throw new FitCheckException(DiagnosticCatalog.AdviceNoQuestion());
        }

        if (question.MinMemoryTier is { } asked && targets.Count > 1 && targets.Any(t => MemorySearch.IndexOf(t.Accelerator, asked) >= 0))
        {
            // Over a manifest, the tier is asked of the accelerators that have it; a tier none has is a typo.
            targets = targets.Where(t => MemorySearch.IndexOf(t.Accelerator, asked) >= 0).ToList();
        }

        foreach (var t in targets)
        {
            Validate(t, question, cache);
        }

        var answers = new List<AdviceAnswer>();
        foreach (var t in targets)
        {
            if (question.MaxResolution)
            {
                answers.Add(ResolutionSearch.MaxResolution(t, cache, question.For, question.RangeMin, question.RangeMax, question.Step));
            }

            if (question.MinMemoryTier is { } tier)
            {
                answers.Add(MemorySearch.MinMemory(t, cache, tier, question.For));
            }

            if (question.Precision)
            {
                answers.Add(PrecisionSearch.Highest(t, cache, question.For));
            }

            if (question.Batch)
            {
                answers.AddRange(BatchSearch.Advise(t, cache, question.MaxBatch));
            }
        }

        return answers;
    }

    /// <summary>Every model x resolution x accelerator of a manifest, each model's source loaded once.</summary>
    public static IReadOnlyList<AdviceTarget> Targets(ManifestDocument manifest)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(manifest.Path)) ?? ".";
        var accelerators = manifest.Accelerators.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var accelerator in manifest.Accelerators)
        {
            HierarchyValidator.Validate(accelerator);
        }

        var targets = new List<AdviceTarget>();
        foreach (var spec in manifest.Models)
        {
            var source = ModelSourceResolver.Resolve(spec.Source, baseDirectory, spec.SourceAt, spec.Inputs);
            var resolutions = spec.Resolutions.Count > 0 ? spec.Resolutions : [new Located<Resolution>(source.DefaultResolution, spec.SourceAt)];
            var precision = PrecisionPolicy.Choose(spec.StatedPrecision, source);
            foreach (var resolution in resolutions)
            {
                foreach (var deploy in spec.Deploy)
                {
                    targets.Add(new AdviceTarget(spec.Name, source, resolution.Value, spec.Batch, precision, accelerators[deploy.Value], spec.Gates, deploy.Location));
                }
            }
        }

        return targets;
    }

    private static void Validate(AdviceTarget t, AdviceQuestion q, AnalysisCache cache)
    {
        if (q.MinMemoryTier is { } tier && MemorySearch.IndexOf(t.Accelerator, tier) < 0)
        {
            throw new FitCheckException(DiagnosticCatalog.AdviceUnknownTier(tier, t.Accelerator.Name, t.Accelerator.Tiers.Select(x => x.Name), t.Location));
        }

        if (q.For is { } gate)
        {
            var a = cache.Get(t.Model, t.Source, t.Resolution, t.Batch, t.Precision, t.Location);
            var names = a is null ? [] : GateProbe.Run(a, t.Accelerator, t.Gates).Gates.Select(g => g.Name).Append(GateNames.PlacementFit).Distinct().ToList();
            if (!names.Any(n => GateNames.Matches(n, gate)))
            {
                throw new FitCheckException(DiagnosticCatalog.AdviceMissingGate(gate, t.Model, t.Accelerator.Name, names, t.Location));
            }
        }

        if (q.MaxResolution)
        {
            var grid = SideGrid.For(t.Source, q.Step);
            if (ResolutionGrid.Points(grid, t.Resolution, q.RangeMin, q.RangeMax).Count == 0)
            {
                throw new FitCheckException(DiagnosticCatalog.AdviceEmptyRange(t.Model,
                    FormattableString.Invariant($"{q.RangeMin}..{q.RangeMax}"), grid.Basis, t.Location));
            }
        }
    }
}
