namespace FitCheck.Models.Onnx;

/// <summary>The parsed model: the main graph's nodes, initializers and interface, in file order.</summary>
internal sealed class OnnxGraph
{
    public bool HasGraph { get; set; }

    public long IrVersion { get; set; }

    /// <summary>Version of the default ("" or "ai.onnx") operator set; decides attribute-vs-input forms.</summary>
    public long OpsetVersion { get; set; }

    public string Name { get; set; } = "";

    public List<OnnxNode> Nodes { get; } = [];

    public Dictionary<string, OnnxTensor> Initializers { get; } = new(StringComparer.Ordinal);

    public List<OnnxValueInfo> Inputs { get; } = [];

    public List<OnnxValueInfo> Outputs { get; } = [];

    public List<OnnxValueInfo> ValueInfo { get; } = [];

    /// <summary>Node indices in an order where every producer precedes its consumers.</summary>
    public int[] Order { get; set; } = [];
}
