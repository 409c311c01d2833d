namespace FitCheck.Models.Onnx;

/// <summary>A node attribute: the scalar, list, tensor and graph (If/Loop/Scan body) forms FitCheck reads.</summary>
internal sealed class OnnxAttribute
{
    public string Name { get; set; } = "";

    public int Type { get; set; }

    public long I { get; set; }

    public float F { get; set; }

    public string? S { get; set; }

    public List<long> Ints { get; } = [];

    public List<float> Floats { get; } = [];

    public OnnxTensor? T { get; set; }

    public OnnxGraph? G { get; set; }
}
