using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Throughput;

namespace FitCheck.Evaluation;

/// <summary>
/// Models x resolutions x accelerators. Each model x resolution is built and planned once; placement and
/// throughput are then evaluated per accelerator on the cached traffic profile. A resolution a model
/// cannot take (a YOLO side not divisible by 32) is skipped with a note rather than failing the sweep.
/// </summary>
public static class Sweep
{
    /// <param name="precision">The stated precision; null for each model file's own (else int8).</param>
    public static SweepResult Run(IReadOnlyList<IModelSource> models, IReadOnlyList<Resolution> resolutions, IReadOnlyList<Accelerator> accelerators,
        Precision? precision, int batch, Action<int, int>? progress = null)
    {
        foreach (var a in accelerators)
        {
            HierarchyValidator.Validate(a);
        }

        var points = new List<SweepPoint>();
        var notes = new List<string>();
        var total = models.Count * resolutions.Count;
        var done = 0;
        foreach (var model in models)
        {
            var skipped = new List<string>();
            string? reason = null;
            foreach (var resolution in resolutions)
            {
                ModelAnalysis analysis;
                try
                {
                    analysis = Evaluator.Analyze(model.Name, model, resolution, batch, PrecisionPolicy.Choose(precision, model), CodeSizeModel.Default);
                }
                catch (FitCheckException e) when (e.Diagnostic.Id is "FC0202" or "FC0203" or "FC0204" or "FC1101")
                {
                    skipped.Add(resolution.ToString());
                    reason ??= e.Diagnostic.Message;
                    progress?.Invoke(++done, total);
                    continue;
                }

                var fps = new double?[accelerators.Count];
                for (var i = 0; i < accelerators.Count; i++)
                {
                    var forTarget = Evaluator.ForTarget(analysis, accelerators[i]);
                    fps[i] = ThroughputModel.Estimate(forTarget, Placer.Place(forTarget, accelerators[i]))?.Fps;
                }

                points.Add(new SweepPoint(model.Name, resolution, analysis.WeightBytes, analysis.Activations.PeakBytes, analysis.CodeBytes, fps));
                progress?.Invoke(++done, total);
            }

            if (skipped.Count > 0)
            {
                var listed = string.Join(", ", skipped.Take(8)) + (skipped.Count > 8 ? ", ..." : "");
                notes.Add($"{model.Name}: skipped {skipped.Count} resolution(s) it cannot take ({listed}); first reason: {reason}");
            }
        }

        return new SweepResult(models.Select(m => m.Name).ToList(), accelerators, points, notes);
    }
}
