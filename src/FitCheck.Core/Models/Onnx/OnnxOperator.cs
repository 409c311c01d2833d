namespace FitCheck.Models.Onnx;

/// <summary>One supported ONNX operator: a row of the registry (<see cref="OnnxOperators"/>).</summary>
public sealed class OnnxOperator
{
    internal OnnxOperator(string domain, string name, OnnxOperatorFamily family, string notes, Action<OnnxTranslator> translate)
    {
        Domain = domain;
        Name = name;
        Family = family;
        Notes = notes;
        Translate = translate;
    }

    /// <summary>"" for the default ONNX domain (ai.onnx), else e.g. "com.microsoft".</summary>
    public string Domain { get; }

    public string Name { get; }

    public string QualifiedName => Domain.Length == 0 ? Name : $"{Domain}.{Name}";

    public OnnxOperatorFamily Family { get; }

    /// <summary>How FitCheck counts it, in one sentence (shown in the README's operator table).</summary>
    public string Notes { get; }

    internal Action<OnnxTranslator> Translate { get; }
}
