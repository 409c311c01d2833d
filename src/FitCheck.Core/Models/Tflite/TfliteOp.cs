using FitCheck.Graph;

namespace FitCheck.Models.Tflite;

/// <summary>
/// One operator FitCheck understands: one row of <see cref="TfliteOperators"/>. Its name (the builtin name
/// or the custom code), the IR layer kind and kernel it becomes, the widths of its builtin options' scalar
/// fields (1 for byte/bool/enum, 4 for int/float, by field id), how its MACs are counted, and which constant
/// inputs configure it (shapes, axes, paddings: not parameters) or are biases. Every other constant input is
/// a weight. <see cref="Infer"/> gives output shapes when the input size differs from the file's (a dynamic
/// input); without it, the stored shapes are used when the operator's inputs kept theirs.
/// </summary>
internal sealed record TfliteOp(string Name, LayerKind Kind, string Kernel)
{
    public int[] Options { get; init; } = [];

    public int[] Config { get; init; } = [];

    public int[] Bias { get; init; } = [];

    public Func<TfliteOpContext, long> Macs { get; init; } = _ => 0;

    public Func<TfliteOpContext, string>? KernelOf { get; init; }

    public Func<TfliteOpContext, long[][]>? Infer { get; init; }

    /// <summary>What the report says about the operator (Edge TPU executables, post-processing bounds), if anything.</summary>
    public Func<TfliteOpContext, string?>? Note { get; init; }

    /// <summary>Bytes of the operator's own payload counted as weights (the Edge TPU's compiled executable).</summary>
    public bool OptionsAreWeights { get; init; }

    /// <summary>Reads tensors no operator writes (Vela's scratch areas); they are working memory, not activations.</summary>
    public bool ScratchInputs { get; init; }
}
