using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Limits;
using FitCheck.Models;

namespace FitCheck.Manifest;

/// <summary>
/// The check pipeline over a manifest: for each model, load its source once; for each resolution, build and
/// plan the network once; for each deployment, evaluate it (<see cref="Evaluator.Deploy"/>). It sits above
/// Evaluation so that the manifest reader can read the gate catalogue without a cycle.
/// </summary>
public static class ManifestCheck
{
    /// <param name="progress">Called after each model x resolution with (done, total); for progress bars.</param>
    /// <param name="limits">Work limits (FC1102), checked before any model is loaded; default <see cref="WorkLimits.Default"/>.</param>
    public static CheckReport Check(ManifestDocument manifest, Action<int, int>? progress = null, WorkLimits? limits = null)
    {
        limits ??= WorkLimits.Default;
        CheckWork(manifest, limits);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(manifest.Path)) ?? ".";
        var accelerators = manifest.Accelerators.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var accelerator in manifest.Accelerators)
        {
            Hardware.HierarchyValidator.Validate(accelerator);
        }

        var results = new List<CheckResult>();
        // Analyses that a `together:` group needs, kept until the groups are evaluated (member: model, size or null).
        var wanted = manifest.Groups.SelectMany(g => g.Members).Select(m => (m.Model, m.Resolution)).ToHashSet();
        var kept = new Dictionary<(string, Resolution?), ModelAnalysis>();
        var total = manifest.Models.Sum(m => Math.Max(1, m.Resolutions.Count));
        var done = 0;

        // Every model file that cannot be read is reported in one run; once one has failed, the others are
        // only opened (to find their errors), not evaluated.
        var errors = new ErrorCollector();
        var warnings = new List<Diagnostic>();
        foreach (var spec in manifest.Models)
        {
            var source = errors.Run(() => ModelSourceResolver.Resolve(spec.Source, baseDirectory, spec.SourceAt, spec.Inputs, limits));
            if (source is null || errors.Count > 0)
            {
                done += Math.Max(1, spec.Resolutions.Count);
                continue;
            }

            var precision = PrecisionPolicy.Choose(spec.StatedPrecision, source);
            if (!spec.PrecisionStated && source.NativePrecision is null)
            {
                warnings.Add(DiagnosticCatalog.PrecisionAssumed(spec.Name, spec.Location));
            }

            var resolutions = spec.Resolutions.Count > 0
                ? spec.Resolutions
                : [new Located<Resolution>(source.DefaultResolution, spec.SourceAt)];
            foreach (var resolution in resolutions)
            {
                var analysis = Evaluator.Analyze(spec.Name, source, resolution.Value, spec.Batch, precision, CodeSizeModel.Default, resolution.Location);
                Resolution? member = spec.Resolutions.Count > 0 ? resolution.Value : null;
                if (wanted.Contains((spec.Name, member)))
                {
                    kept[(spec.Name, member)] = analysis;
                }

                foreach (var deploy in spec.Deploy)
                {
                    // Reports need each deployment's totals, not its per-layer costs (only `explain` shows
                    // those): dropping them keeps 10^5 deployments of a 100-layer model to a few hundred MB.
                    var result = Evaluator.Deploy(analysis, accelerators[deploy.Value], spec.Gates, deploy.Location);
                    results.Add(result.Throughput is { } t ? result with { Throughput = t with { Layers = [] } } : result);
                }

                progress?.Invoke(++done, total);
            }
        }

        errors.ThrowIfAny();
        var specs = manifest.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var group in manifest.Groups)
        {
            var members = group.Members
                .Select(m =>
                {
                    var a = kept[(m.Model, m.Resolution)];
                    return new GroupEvaluator.Member($"{m.Model}@{a.Resolution}", a, specs[m.Model].Gates, m.Location);
                })
                .ToList();
            foreach (var result in GroupEvaluator.Evaluate(group.Name, group.Arenas, members, accelerators[group.Accelerator], group.Location))
            {
                results.Add(result.Throughput is { } t ? result with { Throughput = t with { Layers = [] } } : result);
            }
        }

        return new CheckReport(manifest.Path, results) { Warnings = warnings };
    }

    /// <summary>
    /// Counts the work before doing any: models, accelerators, resolutions per model and deployments
    /// (model x resolution x accelerator) against <paramref name="limits"/>, located at the entry that passes one.
    /// </summary>
    private static void CheckWork(ManifestDocument manifest, WorkLimits limits)
    {
        if (manifest.Models.Count > limits.Models)
        {
            limits.Check("models", manifest.Models.Count, manifest.Models[(int)limits.Models].Location);
        }

        if (manifest.Accelerators.Count > limits.Accelerators)
        {
            limits.Check("accelerators", manifest.Accelerators.Count, manifest.Accelerators[(int)limits.Accelerators].Location);
        }

        long evaluations = 0;
        foreach (var spec in manifest.Models)
        {
            limits.Check("resolutions", spec.Resolutions.Count, spec.Resolutions.Count > limits.Resolutions ? spec.Resolutions[(int)limits.Resolutions].Location : spec.Location);
            evaluations += (long)Math.Max(1, spec.Resolutions.Count) * spec.Deploy.Count;
            limits.Check("evaluations", evaluations, spec.Location,
                "model x resolution x accelerator evaluations per run (counted up to this model)");
        }
    }
}
