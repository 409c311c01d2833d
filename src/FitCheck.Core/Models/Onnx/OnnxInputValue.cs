namespace FitCheck.Models.Onnx;

/// <summary>A graph input instantiated for one build: its dims, and its value when a scalar was pinned (e.g. sr = 16000).</summary>
internal sealed record OnnxInputValue(string Name, long[] Dims, int ElemType, long? Value);
