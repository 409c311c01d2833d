using FitCheck.Advice;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Advice;

/// <summary>Targets and an independent pass/fail check (Evaluator.Deploy straight, no search code) for advice tests.</summary>
internal static class AdviceFixtures
{
    public const long MiB = 1024 * 1024;

    public static AdviceTarget Target(string model, string preset, GateSpec gates, Resolution? at = null, Precision precision = Precision.Int8, int batch = 1)
    {
        var source = ModelZoo.Get(model, null);
        return new AdviceTarget(model, source, at ?? source.DefaultResolution, batch, precision, AcceleratorPresets.Get(preset, null).Accelerator, gates);
    }

    /// <summary>Every gate (or the named one) of the real pipeline at one size, analysed from scratch.</summary>
    public static bool Passes(AdviceTarget t, Resolution r, string? gate = null, Accelerator? on = null, Precision? precision = null, int? batch = null)
    {
        var a = Evaluator.Analyze(t.Model, t.Source, r, batch ?? t.Batch, precision ?? t.Precision, CodeSizeModel.Default);
        var gates = Evaluator.Deploy(a, on ?? t.Accelerator, t.Gates).Gates;
        return gates.Where(g => gate is null || GateNames.Matches(g.Name, gate)).All(g => g.Passed);
    }

    public static Resolution ParseResolution(string text) => Resolution.Parse(text);
}
