using FitCheck.Graph;

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

    public long Macs => Network.Macs;

    /// <param name="storedWeightBytes">The weight bytes a model file states (TFLite buffers); null to estimate them from parameters.</param>
    public static ModelAnalysis Run(string model, Network network, Resolution resolution, int batch, Precision precision, CodeSizeModel code,
        long? storedWeightBytes = null)
    {
        var plan = ActivationPlanner.Plan(network, precision);
        var codeBytes = CodeSize.Estimate(network, code, out var kernels);
        var weights = storedWeightBytes ?? WeightSize.Bytes(network, precision);
        return new ModelAnalysis(model, network, resolution, batch, precision, weights, codeBytes, kernels, code, plan);
    }

    /// <summary>Same network and plan with another accelerator's code-size constants.</summary>
    public ModelAnalysis WithCodeModel(CodeSizeModel code)
    {
        if (code == CodeModel)
        {
            return this;
        }

        return this with { CodeModel = code, CodeBytes = CodeSize.Estimate(Network, code, out _) };
    }
}
