namespace FitCheck.Models.Onnx;

/// <summary>
/// The file under <see cref="Google.Protobuf.CodedInputStream"/>, remembering the last chunk it handed out so
/// the reader can look at a length prefix before the protobuf library acts on it: the library reads lengths
/// as 32 bits (a 2^32 + n length becomes n) and allocates a string before it meets the end of the file.
/// A peek outside the remembered chunk falls back to a positioned read of the file.
/// </summary>
internal sealed class PeekableFileStream(FileStream inner) : Stream
{
    private byte[] _chunk = [];
    private long _chunkStart;
    private int _chunkLength;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var start = inner.Position;
        var n = inner.Read(buffer, offset, count);
        if (_chunk.Length < n)
        {
            _chunk = new byte[n];
        }

        Buffer.BlockCopy(buffer, offset, _chunk, 0, n);
        _chunkStart = start;
        _chunkLength = n;
        return n;
    }

    /// <summary>
    /// The unsigned varint at <paramref name="position"/> as a full 64-bit value and its size in bytes;
    /// size 0 when the file ends inside it or it runs past ten bytes.
    /// </summary>
    public (ulong Value, int Size) PeekVarint(long position)
    {
        Span<byte> bytes = stackalloc byte[10];
        int available;
        var offset = position - _chunkStart;
        if (offset >= 0 && offset + 10 <= _chunkLength)
        {
            _chunk.AsSpan((int)offset, 10).CopyTo(bytes);
            available = 10;
        }
        else
        {
            available = RandomAccess.Read(inner.SafeFileHandle, bytes, position);
        }

        ulong value = 0;
        for (var i = 0; i < available; i++)
        {
            value |= (ulong)(bytes[i] & 0x7F) << (7 * i);
            if ((bytes[i] & 0x80) == 0)
            {
                return (value, i + 1);
            }
        }

        return (0, 0);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
