using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;
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
    public static CheckReport Check(ManifestDocument manifest, Action<int, int>? progress = null)
    {
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
            var source = ModelSourceResolver.Resolve(spec.Source, baseDirectory, spec.SourceAt, spec.Inputs);
            var resolutions = spec.Resolutions.Count > 0
                ? spec.Resolutions
                : [new Located<Resolution>(source.DefaultResolution, spec.SourceAt)];
            foreach (var resolution in resolutions)
            {
                var precision = spec.PrecisionStated ? spec.Precision : source.NativePrecision ?? spec.Precision;
                var analysis = Analyze(spec.Name, source, resolution.Value, spec.Batch, precision, CodeSizeModel.Default, resolution.Location);
                foreach (var deploy in spec.Deploy)
                {
                    results.Add(Deploy(analysis, accelerators[deploy.Value], spec.Gates, deploy.Location));
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
