namespace FitCheck.Models.Onnx;

/// <summary>One dimension of a graph input or output: a fixed size, or a symbol (dim_param) the caller fills in.</summary>
internal readonly record struct OnnxDim(long Value, string? Param)
{
    /// <summary>Exporters write dynamic axes as dim_param, and some as 0 or -1.</summary>
    public bool IsDynamic => Param is not null || Value <= 0;

    public override string ToString() => Param ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
