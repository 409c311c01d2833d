using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Throughput;

namespace FitCheck.Evaluation;

/// <summary>
/// One deployment's evaluation: code-size constants, placement, throughput and the gate catalogue; and the
/// analysis of a model at a resolution it shares. <see cref="Manifest.ManifestCheck"/> drives it over a manifest.
/// Input errors surface as <see cref="FitCheckException"/>; gate failures are results.
/// </summary>
public static class Evaluator
{
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

    private static CheckResult DeployUnchecked(ModelAnalysis analysis, Accelerator accelerator, GateSpec gates, SourceLocation? at)
    {
        var forTarget = ForTarget(analysis, accelerator);
        var placement = Placer.Place(forTarget, accelerator);
        var throughput = ThroughputModel.Estimate(forTarget, placement);
        var results = GateCatalog.Evaluate(new GateContext(forTarget, gates, placement, throughput), GateStage.Deployment);
        return new CheckResult(forTarget, accelerator.Name, results, at, placement, throughput);
    }

    /// <summary>
    /// The analysis as one accelerator runs it: with its code-size constants, and on a dataflow accelerator for one
    /// frame of the batch (frames stream through its layers one at a time, so its arena is one frame's while the
    /// batch shares each weight read). Layer-by-layer execution keeps the batch network and its batch-N arena.
    /// </summary>
    public static ModelAnalysis ForTarget(ModelAnalysis analysis, Accelerator accelerator)
    {
        var forTarget = analysis.WithCodeModel(accelerator.Code);
        return accelerator.Execution == ExecutionMode.Dataflow ? forTarget.ForOneFrame() : forTarget;
    }

    /// <summary>Builds and analyses one model at one resolution; errors are located at <paramref name="at"/>.</summary>
    public static ModelAnalysis Analyze(string name, IModelSource source, Resolution resolution, int batch, Precision precision,
        CodeSizeModel code, SourceLocation? at = null)
    {
        try
        {
            var network = source.Build(resolution, batch);
            // A file's stored weight bytes are its truth at its own precision; another precision is a what-if, estimated.
            var stored = precision == source.NativePrecision ? source.StoredWeightBytes : null;
            return ModelAnalysis.Run(name, network, resolution, batch, precision, code, stored);
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
