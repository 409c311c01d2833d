using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace FitCheck.Models.Onnx;

/// <summary>
/// Lets the wire reader descend into an embedded message through <see cref="CodedInputStream.ReadMessage"/>,
/// which is the public way to get the stream's PushLimit/PopLimit and recursion accounting: inside
/// <paramref name="body"/> ReadTag returns 0 at the end of the embedded message, and no read can cross it.
/// Only parsing is supported; no descriptor, no reflection.
/// </summary>
internal sealed class MessageScope(Action<CodedInputStream> body) : IMessage
{
    public MessageDescriptor Descriptor => throw new NotSupportedException("MessageScope only parses");

    public void MergeFrom(CodedInputStream input) => body(input);

    public void WriteTo(CodedOutputStream output) => throw new NotSupportedException("MessageScope only parses");

    public int CalculateSize() => throw new NotSupportedException("MessageScope only parses");
}
