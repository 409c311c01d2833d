namespace FitCheck.Graph;

/// <summary>What a layer computes; decides its code kernel and whether it may run in place or as a view.</summary>
public enum LayerKind
{
    Input,
    Convolution,
    ConvTranspose,
    FullyConnected,
    MatMul,
    MaxPool,
    AvgPool,
    GlobalAvgPool,
    Add,
    Mul,
    Concat,
    Upsample,
    Activation,
    Softmax,
    Normalization,
    /// <summary>Reshape, flatten, single-input route, dropout at inference: no data moves.</summary>
    View,
    /// <summary>Copies a slice or a permutation of its input into a new tensor.</summary>
    Copy,
    /// <summary>Detection decode (YOLO/region): reads its input, produces the network output.</summary>
    Detection,
}
