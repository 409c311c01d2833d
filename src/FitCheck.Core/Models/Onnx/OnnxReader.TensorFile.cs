using FitCheck.Diagnostics;
using Google.Protobuf;

namespace FitCheck.Models.Onnx;

/// <summary>
/// A file holding one serialized TensorProto, as the ONNX project's test data stores inputs and reference
/// outputs (test_data_set_0/input_0.pb, output_0.pb). Read with the same rules as an initializer: dims and
/// type always, values only for small tensors.
/// </summary>
internal sealed partial class OnnxReader
{
    public static OnnxTensor ReadTensorFile(string path, string file)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var input = CodedInputStream.CreateWithLimits(stream, int.MaxValue, RecursionLimit);
            var reader = new OnnxReader(input, file);
            var tensor = new OnnxTensor();
            var frame = reader.Enter("TensorProto");
            reader.ReadTensorBody(frame, tensor);
            reader.Exit();
            return tensor;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxCorrupt(file, 0, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(file, e.Message));
        }
    }
}
