using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Limits;
using FitCheck.Manifest;
using FitCheck.Models;
using FitCheck.Throughput;

namespace FitCheck.Evaluation;

/// <summary>
/// The check pipeline: for each model, load its source once; for each resolution, build and plan the
/// network once; for each deployment, apply that accelerator's code-size constants and gates.
/// Input errors surface as <see cref="FitCheckException"/>; gate failures are results.
/// </summary>
public static class Evaluator
{
    /// <param name="progress">Called after each model x resolution with (done, total); for progress bars.</param>
    /// <param name="limits">Work limits (FC0902), checked before any model is loaded; default <see cref="WorkLimits.Default"/>.</param>
    public static CheckReport Check(ManifestDocument manifest, Action<int, int>? progress = null, WorkLimits? limits = null)
    {
        limits ??= WorkLimits.Default;
        CheckWork(manifest, limits);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(manifest.Path)) ?? ".";
        var accelerators = manifest.Accelerators.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var accelerator in manifest.Accelerators)
        {
            HierarchyValidator.Validate(accelerator);
        }

        var results = new List<CheckResult>();
        var total = manifest.Models.Sum(m => Math.Max(1, m.Resolutions.Count));
        var done = 0;
        foreach (var spec in manifest.Models)
        {
            var source = ModelSourceResolver.Resolve(spec.Source, baseDirectory, spec.SourceAt, limits);
            var resolutions = spec.Resolutions.Count > 0
                ? spec.Resolutions
                : [new Located<Resolution>(source.DefaultResolution, spec.SourceAt)];
            foreach (var resolution in resolutions)
            {
                var precision = spec.PrecisionStated ? spec.Precision : source.NativePrecision ?? spec.Precision;
                var analysis = Analyze(spec.Name, source, resolution.Value, spec.Batch, precision, CodeSizeModel.Default, resolution.Location);
                foreach (var deploy in spec.Deploy)
                {
                    // Reports need each deployment's totals, not its per-layer costs (only `explain` shows
                    // those): dropping them keeps 10^5 deployments of a 100-layer model to a few hundred MB.
                    var result = Deploy(analysis, accelerators[deploy.Value], spec.Gates, deploy.Location);
                    results.Add(result.Throughput is { } t ? result with { Throughput = t with { Layers = [] } } : result);
                }

                progress?.Invoke(++done, total);
            }
        }

        return new CheckReport(manifest.Path, results);
    }

    /// <summary>
    /// One model x resolution on one accelerator: its code-size constants, placement, throughput and
    /// every gate. The analysis (network, plan, traffic profile) is shared across accelerators.
    /// </summary>
    public static CheckResult Deploy(ModelAnalysis analysis, Accelerator accelerator, GateSpec gates, SourceLocation? at = null)
    {
        try
        {
            return DeployUnchecked(analysis, accelerator, gates, at);
        }
        catch (FitCheckException e) when (e.Diagnostic.Location is null && at is not null)
        {
            throw new FitCheckException(e.Diagnostic with { Location = at });
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.FigureOverflow(
                $"a figure of {analysis.Model} {analysis.Resolution} on {accelerator.Name} (placement or throughput)", at));
        }
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

    private static CheckResult DeployUnchecked(ModelAnalysis analysis, Accelerator accelerator, GateSpec gates, SourceLocation? at)
    {
        var forTarget = analysis.WithCodeModel(accelerator.Code);
        var placement = Placer.Place(forTarget, accelerator);
        var throughput = ThroughputModel.Estimate(forTarget, placement);
        var results = FitGates.Evaluate(forTarget, accelerator, gates);
        if (!placement.Fits)
        {
            // Each item may fit its named place alone while all of them together do not fit the chip's
            // memory (weights "anywhere" and activations "on-chip" on an SRAM-only part share one tier).
            results.Add(new GateResult("placement-fit", false, $"the model does not fit {accelerator.Name}: {placement.Summary}"));
        }

        PerformanceGates.Evaluate(results, placement, throughput, gates);
        return new CheckResult(forTarget, accelerator.Name, results, at, placement, throughput);
    }

    /// <summary>Builds and analyses one model at one resolution; errors are located at <paramref name="at"/>.</summary>
    public static ModelAnalysis Analyze(string name, IModelSource source, Resolution resolution, int batch, Precision precision,
        CodeSizeModel code, SourceLocation? at = null)
    {
        try
        {
            var network = source.Build(resolution, batch);
            return ModelAnalysis.Run(name, network, resolution, batch, precision, code);
        }
        catch (FitCheckException e) when (e.Diagnostic.Location is null && at is not null)
        {
            throw new FitCheckException(e.Diagnostic with { Location = at });
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(name, $"an activation or weight size at {resolution} x batch {batch}", at));
        }
    }
}
