namespace FitCheck.Tests.Hostile;

/// <summary>Hand-made protobuf wire bytes, for lengths no serializer would write (2^32 + n, past the end).</summary>
internal static class Protobuf
{
    public static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    /// <summary>A length-delimited field whose declared length is <paramref name="declared"/> (default: the body's own).</summary>
    public static byte[] Field(int number, byte[] body, ulong? declared = null) =>
        [.. Varint((ulong)(number << 3 | 2)), .. Varint(declared ?? (ulong)body.Length), .. body];

    public static byte[] Text(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    /// <summary>ModelProto { graph { node { ... } } } around one node's fields.</summary>
    public static byte[] ModelWithNode(byte[] node) => Field(7, Field(1, node));
}
