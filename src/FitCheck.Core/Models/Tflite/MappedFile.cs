using System.IO.MemoryMappedFiles;

namespace FitCheck.Models.Tflite;

/// <summary>
/// A read-only memory map of a model file. Only the FlatBuffer's tables are ever read; weight buffers are
/// located (offset and length) but their pages are never touched, so a 100 MB model costs a few
/// kilobytes of reads and no copies. Every read is bounds-checked against the file's length.
/// </summary>
internal sealed class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, long length)
    {
        _map = map;
        _view = view;
        Length = length;
    }

    public long Length { get; }

    /// <summary>Maps <paramref name="stream"/> (a regular, non-empty file; the caller checks).</summary>
    public static MappedFile Open(FileStream stream)
    {
        var length = stream.Length;
        var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        try
        {
            return new MappedFile(map, map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read), length);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    public byte Byte(long at)
    {
        Check(at, 1);
        return _view.ReadByte(at);
    }

    public ushort UInt16(long at)
    {
        Check(at, 2);
        return _view.ReadUInt16(at);
    }

    public int Int32(long at)
    {
        Check(at, 4);
        return _view.ReadInt32(at);
    }

    public uint UInt32(long at)
    {
        Check(at, 4);
        return _view.ReadUInt32(at);
    }

    public ulong UInt64(long at)
    {
        Check(at, 8);
        return _view.ReadUInt64(at);
    }

    public long Int64(long at)
    {
        Check(at, 8);
        return _view.ReadInt64(at);
    }

    /// <summary>Copies a short run of bytes (a string or an identifier), never a weight buffer.</summary>
    public byte[] Bytes(long at, int count)
    {
        Check(at, count);
        var bytes = new byte[count];
        _view.ReadArray(at, bytes, 0, count);
        return bytes;
    }

    /// <summary>Throws unless [at, at + size) lies inside the file.</summary>
    public void Check(long at, long size, string what = "a value")
    {
        if (at < 0 || size < 0 || at > Length || size > Length - at)
        {
            throw new TfliteFormatException(TfliteFault.PastEnd, Math.Max(at, 0), what);
        }
    }

    public void Dispose()
    {
        _view.Dispose();
        _map.Dispose();
    }
}
