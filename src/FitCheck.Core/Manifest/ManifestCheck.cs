using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
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
    public static CheckReport Check(ManifestDocument manifest, Action<int, int>? progress = null)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(manifest.Path)) ?? ".";
        var accelerators = manifest.Accelerators.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var accelerator in manifest.Accelerators)
        {
            Hardware.HierarchyValidator.Validate(accelerator);
        }

        var results = new List<CheckResult>();
        var total = manifest.Models.Sum(m => Math.Max(1, m.Resolutions.Count));
        var done = 0;
        foreach (var spec in manifest.Models)
        {
            var source = ModelSourceResolver.Resolve(spec.Source, baseDirectory, spec.SourceAt, spec.Inputs);
            var resolutions = spec.Resolutions.Count > 0
                ? spec.Resolutions
                : [new Located<Resolution>(source.DefaultResolution, spec.SourceAt)];
            foreach (var resolution in resolutions)
            {
                var precision = spec.PrecisionStated ? spec.Precision : source.NativePrecision ?? spec.Precision;
                var analysis = Evaluator.Analyze(spec.Name, source, resolution.Value, spec.Batch, precision, CodeSizeModel.Default, resolution.Location);
                foreach (var deploy in spec.Deploy)
                {
                    results.Add(Evaluator.Deploy(analysis, accelerators[deploy.Value], spec.Gates, deploy.Location));
                }

                progress?.Invoke(++done, total);
            }
        }

        return new CheckReport(manifest.Path, results);
    }
}
