namespace FitCheck.Models.Onnx;

/// <summary>A typed, shaped name from GraphProto.input/output/value_info; <see cref="Dims"/> is null when the file gives no shape.</summary>
internal sealed class OnnxValueInfo
{
    public string Name { get; set; } = "";

    public int ElemType { get; set; }

    public List<OnnxDim>? Dims { get; set; }
}
