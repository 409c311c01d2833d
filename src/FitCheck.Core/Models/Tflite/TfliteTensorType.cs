using FitCheck.Analysis;

namespace FitCheck.Models.Tflite;

/// <summary>TensorType values of the schema, with what the analysis needs of each: its width and precision.</summary>
internal static class TfliteTensorType
{
    public const int Float32 = 0, Float16 = 1, Int32 = 2, UInt8 = 3, Int64 = 4, String = 5, Bool = 6, Int16 = 7, Int8 = 9,
        Float64 = 10, Int4 = 17, BFloat16 = 18;

    private static readonly string[] Names =
    [
        "float32", "float16", "int32", "uint8", "int64", "string", "bool", "int16", "complex64", "int8", "float64", "complex128",
        "uint64", "resource", "variant", "uint32", "uint16", "int4", "bfloat16", "int2", "uint4", "float8_e4m3fn", "float8_e5m2",
    ];

    public static string Name(int type) => type >= 0 && type < Names.Length ? Names[type] : $"type {type}";

    /// <summary>The deployment precision a tensor of this type implies, or null for indices, strings and bools.</summary>
    public static Precision? Precision(int type) => type switch
    {
        Int8 or UInt8 or Int4 or 19 or 20 or 21 or 22 => Analysis.Precision.Int8,
        Int16 or 16 => Analysis.Precision.Int16,
        Float16 or BFloat16 => Analysis.Precision.Fp16,
        Float32 or Float64 => Analysis.Precision.Fp32,
        _ => null,
    };
}
