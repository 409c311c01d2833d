namespace FitCheck.Models.Onnx;

/// <summary>Where the reader is inside one message: which message, and the tag offset and name of the field being read.</summary>
internal sealed class OnnxReaderFrame(string message)
{
    public string Message { get; } = message;

    public long FieldStart { get; set; }

    /// <summary>Name of the field once its tag is recognised, e.g. "TensorProto.raw_data (9)"; empty before.</summary>
    public string Field { get; set; } = "";
}
