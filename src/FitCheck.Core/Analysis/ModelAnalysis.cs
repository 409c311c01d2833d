using FitCheck.Graph;
using FitCheck.Units;

namespace FitCheck.Analysis;

/// <summary>Everything FitCheck knows about one model at one resolution, batch and precision.</summary>
public sealed record ModelAnalysis(
    string Model,
    Network Network,
    Resolution Resolution,
    int Batch,
    Precision Precision,
    long WeightBytes,
    long CodeBytes,
    int DistinctKernels,
    CodeSizeModel CodeModel,
    ActivationPlan Activations)
{
    public long Parameters => Network.Parameters;

    /// <summary>MACs of the batch (a per-frame analysis holds one image's network).</summary>
    public long Macs => PerFrame ? checked(Network.Macs * Batch) : Network.Macs;

    /// <summary>
    /// True when <see cref="Network"/> and the activation plan hold one image of the batch: a dataflow accelerator
    /// streams the batch's frames through its layers one at a time, so its arena is one frame's.
    /// </summary>
    public bool PerFrame { get; init; }

    /// <summary>This analysis with one image's network and arena (weights and code unchanged); this when the batch is 1 or cannot be split.</summary>
    public ModelAnalysis ForOneFrame()
    {
        if (Batch <= 1 || PerFrame || Network.PerImage(Batch) is not { } one)
        {
            return this;
        }

        return this with { Network = one, Activations = ActivationPlanner.Plan(one, Precision), PerFrame = true };
    }

    /// <summary>Weights + activation arena + code; checked when the analysis is made, so reports can add any of them.</summary>
    public long TotalBytes => WeightBytes + Activations.PeakBytes + CodeBytes;

    /// <param name="storedWeightBytes">The weight bytes a model file states (TFLite buffers); null to estimate them from parameters.</param>
    public static ModelAnalysis Run(string model, Network network, Resolution resolution, int batch, Precision precision, CodeSizeModel code,
        long? storedWeightBytes = null)
    {
        var plan = ActivationPlanner.Plan(network, precision);
        var codeBytes = CodeSize.Estimate(network, code, out var kernels);
        var weights = storedWeightBytes ?? WeightSize.Bytes(network, precision);
        return Checked(new ModelAnalysis(model, network, resolution, batch, precision, weights, codeBytes, kernels, code, plan));
    }

    /// <summary>Same network and plan with another accelerator's code-size constants.</summary>
    public ModelAnalysis WithCodeModel(CodeSizeModel code)
    {
        if (code == CodeModel)
        {
            return this;
        }

        return Checked(this with { CodeModel = code, CodeBytes = CodeSize.Estimate(Network, code, out _) });
    }

    /// <summary>
    /// Every report and gate adds some of the three figures (max-total, a shared target, the Markdown and
    /// sweep totals); all are non-negative, so checking the sum of all three once covers every partial sum.
    /// </summary>
    private static ModelAnalysis Checked(ModelAnalysis a)
    {
        CheckedSize.Sum("weights + activations + code", a.WeightBytes, a.Activations.PeakBytes, a.CodeBytes);
        return a;
    }
}
