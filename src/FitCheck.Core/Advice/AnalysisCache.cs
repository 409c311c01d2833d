using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models;

namespace FitCheck.Advice;

/// <summary>
/// Analyses by model x resolution x batch x precision, built once and shared by every accelerator and every
/// question: a search over six accelerators asks for the same sizes again and again. A size whose numbers
/// overflow 64 bits is remembered as too large (null), which to a search is a size that fails every gate.
/// </summary>
public sealed class AnalysisCache
{
    private readonly Dictionary<(IModelSource, string, Resolution, int, Precision), ModelAnalysis?> _entries = [];

    /// <summary>How many analyses were actually built (for the report and the benchmark).</summary>
    public int Built { get; private set; }

    public ModelAnalysis? Get(string name, IModelSource source, Resolution resolution, int batch, Precision precision, SourceLocation? at)
    {
        var key = (source, name, resolution, batch, precision);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        ModelAnalysis? analysis;
        try
        {
            analysis = Evaluator.Analyze(name, source, resolution, batch, precision, CodeSizeModel.Default, at);
        }
        catch (FitCheckException e) when (e.Diagnostic.Id == "FC0204")
        {
            analysis = null;
        }

        Built++;
        _entries[key] = analysis;
        return analysis;
    }
}
