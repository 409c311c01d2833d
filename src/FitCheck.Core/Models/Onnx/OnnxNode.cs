using System.Globalization;

namespace FitCheck.Models.Onnx;

/// <summary>A NodeProto: operator, wiring and attributes.</summary>
internal sealed class OnnxNode
{
    public int Index { get; set; }

    public string Name { get; set; } = "";

    public string OpType { get; set; } = "";

    public string Domain { get; set; } = "";

    public List<string> Inputs { get; } = [];

    public List<string> Outputs { get; } = [];

    public List<OnnxAttribute> Attributes { get; } = [];

    public long Offset { get; set; }

    /// <summary>The node's name, or a stable stand-in for the many exporters that leave it empty.</summary>
    public string DisplayName =>
        Name.Length > 0 ? Name : Outputs.Count > 0 && Outputs[0].Length > 0 ? Outputs[0] : $"{OpType}_{Index.ToString(CultureInfo.InvariantCulture)}";

    public OnnxAttribute? Attribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        return null;
    }

    public long Int(string name, long fallback) => Attribute(name) is { } a ? a.I : fallback;

    public float Float(string name, float fallback) => Attribute(name) is { } a ? a.F : fallback;

    public string? String(string name) => Attribute(name)?.S;

    public long[]? Ints(string name) => Attribute(name) is { } a ? a.Ints.ToArray() : null;

    /// <summary>Input <paramref name="i"/>, or null when absent or left empty (ONNX's way of skipping an optional input).</summary>
    public string? Input(int i) => i < Inputs.Count && Inputs[i].Length > 0 ? Inputs[i] : null;
}
