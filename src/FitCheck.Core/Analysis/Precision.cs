namespace FitCheck.Analysis;

/// <summary>Numeric format a model is deployed in.</summary>
public enum Precision
{
    Int8,
    Int16,
    Fp16,
    Fp32,
}

public static class PrecisionInfo
{
    /// <summary>Bytes per weight and per activation element.</summary>
    public static int ElementBytes(this Precision p) => p switch
    {
        Precision.Int8 => 1,
        Precision.Int16 => 2,
        Precision.Fp16 => 2,
        _ => 4,
    };

    /// <summary>
    /// Bytes per bias: integer deployments accumulate wider than they store (TFLite keeps int32 biases
    /// for int8 and int64 for its 16x8 mode); float deployments keep biases at their own width.
    /// </summary>
    public static int BiasBytes(this Precision p) => p switch
    {
        Precision.Int8 => 4,
        Precision.Int16 => 8,
        Precision.Fp16 => 2,
        _ => 4,
    };

    public static string Name(this Precision p) => p switch
    {
        Precision.Int8 => "int8",
        Precision.Int16 => "int16",
        Precision.Fp16 => "fp16",
        _ => "fp32",
    };

    public static readonly string[] Names = ["int8", "int16", "fp16", "fp32"];

    public static bool TryParse(string text, out Precision precision)
    {
        var i = Array.IndexOf(Names, text.Trim().ToLowerInvariant());
        precision = i < 0 ? default : (Precision)i;
        return i >= 0;
    }
}
