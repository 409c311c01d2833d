namespace FitCheck.Graph;

/// <summary>
/// One node of the IR with its inferred output shape and its cost. Parameters are counted with batch
/// norm already folded into the preceding convolution: <see cref="WeightParameters"/> are the
/// multiplicative weights and <see cref="BiasParameters"/> the additive ones (folded BN shift included).
/// </summary>
public sealed class Layer
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required LayerKind Kind { get; init; }
    public required int[] Inputs { get; init; }
    public required TensorShape Output { get; init; }
    public long WeightParameters { get; init; }
    public long BiasParameters { get; init; }
    public long Macs { get; init; }

    /// <summary>Kernel flavour for the code-size model, e.g. "conv3x3", "dwconv3x3", "maxpool".</summary>
    public required string Kernel { get; init; }

    /// <summary>Fused or standalone activation function, if any (relu, leaky, ...).</summary>
    public string? Activation { get; init; }

    /// <summary>The vertical window of a convolution or pooling layer when the builder knows it; null otherwise.</summary>
    public LayerWindow? Window { get; init; }

    public long Parameters => WeightParameters + BiasParameters;

    /// <summary>True when the layer's output is just another name for its (only) input's storage.</summary>
    public bool IsView => Kind is LayerKind.View or LayerKind.Input;

    /// <summary>Elementwise layers may overwrite an input whose last use they are.</summary>
    public bool CanRunInPlace => Kind is LayerKind.Add or LayerKind.Mul or LayerKind.Activation;

    public override string ToString() => $"{Index}:{Name} {Kind} -> {Output}";
}
