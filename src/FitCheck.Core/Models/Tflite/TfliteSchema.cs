namespace FitCheck.Models.Tflite;

/// <summary>
/// Field ids of the tables FitCheck reads, from TensorFlow Lite's public schema
/// (tensorflow/compiler/mlir/lite/schema/schema.fbs; ids count fields in declaration order, a union takes
/// two: its type, then its value). Only what the analysis needs; the schema itself is not vendored.
/// </summary>
internal static class TfliteSchema
{
    public const string FileIdentifier = "TFL3";

    public static class Model
    {
        public const int Version = 0, OperatorCodes = 1, Subgraphs = 2, Description = 3, Buffers = 4;
    }

    public static class OperatorCode
    {
        public const int DeprecatedBuiltinCode = 0, CustomCode = 1, Version = 2, BuiltinCode = 3;

        /// <summary>Codes up to this fit the deprecated int8 field; newer files put them in both.</summary>
        public const int PlaceholderForGreaterOpCodes = 127;
    }

    public static class SubGraph
    {
        public const int Tensors = 0, Inputs = 1, Outputs = 2, Operators = 3, Name = 4;
    }

    public static class Tensor
    {
        public const int Shape = 0, Type = 1, Buffer = 2, Name = 3, Quantization = 4, IsVariable = 5, Sparsity = 6, ShapeSignature = 7;
    }

    public static class Quantization
    {
        public const int Scale = 2, ZeroPoint = 3, QuantizedDimension = 6;
    }

    public static class Operator
    {
        public const int OpcodeIndex = 0, Inputs = 1, Outputs = 2, BuiltinOptionsType = 3, BuiltinOptions = 4, CustomOptions = 5,
            LargeCustomOptionsOffset = 9, LargeCustomOptionsSize = 10;
    }

    public static class Buffer
    {
        public const int Data = 0, Offset = 1, Size = 2;
    }
}
