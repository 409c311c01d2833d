namespace FitCheck.Models.Onnx;

/// <summary>How the registry groups operators in help and documentation.</summary>
public enum OnnxOperatorFamily
{
    Convolution,
    Dense,
    Recurrent,
    Elementwise,
    Activation,
    Normalization,
    Pooling,
    Reduction,
    DataMovement,
    ShapeArithmetic,
    Quantization,
    Control,
    PostProcessing,
}
