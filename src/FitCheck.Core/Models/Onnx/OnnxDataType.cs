using FitCheck.Analysis;

namespace FitCheck.Models.Onnx;

/// <summary>TensorProto.DataType values FitCheck distinguishes.</summary>
internal static class OnnxDataType
{
    public const int Float = 1;
    public const int UInt8 = 2;
    public const int Int8 = 3;
    public const int UInt16 = 4;
    public const int Int16 = 5;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int Float16 = 10;
    public const int Double = 11;
    public const int UInt32 = 12;
    public const int UInt64 = 13;
    public const int BFloat16 = 16;
    public const int Bool = 9;

    /// <summary>Integer and boolean element types: shape arithmetic on them is exact 64-bit integer arithmetic.</summary>
    public static bool IsInteger(int dataType) => dataType is UInt8 or Int8 or UInt16 or Int16 or Int32 or Int64 or Bool or UInt32 or UInt64;

    /// <summary>The deployment precision weights of this type imply, or null for types that are not weights (int64 shapes...).</summary>
    public static Precision? WeightPrecision(int dataType) => dataType switch
    {
        UInt8 or Int8 => Precision.Int8,
        UInt16 or Int16 => Precision.Int16,
        Float16 or BFloat16 => Precision.Fp16,
        Float or Double => Precision.Fp32,
        _ => null,
    };
}
