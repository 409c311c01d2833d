using System.Text;

namespace FitCheck.Models.Tflite;

/// <summary>
/// Bounds-checked FlatBuffer navigation over a <see cref="MappedFile"/>: tables through their vtables,
/// offsets, vectors and strings, each checked to lie inside the file before it is read. The reader follows
/// the schema's fixed paths only (Model → SubGraph → Tensor …), so offsets that point backwards or at each
/// other cannot make it loop; a work budget bounds files whose vectors all alias one large table.
/// </summary>
internal sealed class FlatReader(MappedFile file)
{
    /// <summary>Vector elements and tables visited per byte of file before the file is called hostile.</summary>
    private const long BudgetPerByte = 4;

    /// <summary>No inference graph comes near this many tensors, operators or buffers.</summary>
    public const int MaxEntries = 4_000_000;

    private long _budget = checked(file.Length * BudgetPerByte + (1L << 20));

    public MappedFile File => file;

    public FlatTable Root(string what)
    {
        file.Check(0, 8, "the root offset and file identifier");
        return Table(0, what);
    }

    /// <summary>The table whose uoffset is stored at <paramref name="at"/>.</summary>
    public FlatTable Table(long at, string what)
    {
        var pos = Target(at, what);
        Spend(1, pos);
        file.Check(pos, 4, what);
        var soffset = file.Int32(pos);
        if (soffset == 0)
        {
            throw new TfliteFormatException(TfliteFault.Corrupt, pos, $"{what}: its vtable offset is 0, so the vtable would be the table itself");
        }

        var vtable = pos - soffset;
        if (vtable < 0 || vtable > file.Length - 4)
        {
            throw new TfliteFormatException(TfliteFault.PastEnd, pos, $"the vtable of {what} (at byte {vtable})");
        }

        var vtableSize = file.UInt16(vtable);
        var inlineSize = file.UInt16(vtable + 2);
        if (vtableSize < 4 || vtableSize % 2 != 0)
        {
            throw new TfliteFormatException(TfliteFault.Corrupt, vtable, $"the vtable of {what} claims {vtableSize} bytes (at least 4, and even)");
        }

        file.Check(vtable, vtableSize, $"the vtable of {what}");
        if (inlineSize < 4)
        {
            throw new TfliteFormatException(TfliteFault.Corrupt, vtable, $"the vtable of {what} gives the table {inlineSize} bytes (at least 4)");
        }

        file.Check(pos, inlineSize, what);
        if (vtable >= pos && vtable < pos + inlineSize)
        {
            throw new TfliteFormatException(TfliteFault.Corrupt, pos, $"the vtable of {what} lies inside the table it describes");
        }

        return new FlatTable(this, pos, vtable, vtableSize, inlineSize, what);
    }

    /// <summary>Follows the uoffset stored at <paramref name="at"/> (relative to its own position).</summary>
    public long Target(long at, string what)
    {
        file.Check(at, 4, $"the offset to {what}");
        var target = at + file.UInt32(at);
        if (target >= file.Length)
        {
            throw new TfliteFormatException(TfliteFault.PastEnd, at, $"the offset to {what} (pointing at byte {target})");
        }

        return target;
    }

    /// <summary>The vector whose uoffset is at <paramref name="at"/>: its first element's position and its length.</summary>
    public FlatVector Vector(long at, int elementSize, string what)
    {
        var pos = Target(at, what);
        file.Check(pos, 4, what);
        var count = file.UInt32(pos);
        if (count > MaxEntries && elementSize != 1)
        {
            throw new TfliteFormatException(TfliteFault.TooLarge, pos, what, count, MaxEntries);
        }

        if ((long)count * elementSize > file.Length - pos - 4)
        {
            throw new TfliteFormatException(TfliteFault.PastEnd, pos, $"{what} ({count} x {elementSize} bytes)");
        }

        return new FlatVector(pos + 4, count, elementSize);
    }

    public string String(long at, string what)
    {
        var v = Vector(at, 1, what);
        // Names are for people; a megabyte-long one is clipped rather than decoded whole.
        var length = (int)Math.Min(v.Count, 4096);
        Spend(length, v.Start);
        return Encoding.UTF8.GetString(file.Bytes(v.Start, length));
    }

    public int[] Int32s(long at, string what)
    {
        var v = Vector(at, 4, what);
        Spend(v.Count, v.Start);
        var values = new int[v.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = file.Int32(v.At(i));
        }

        return values;
    }

    public void Spend(long work, long at)
    {
        _budget -= work;
        if (_budget < 0)
        {
            throw new TfliteFormatException(TfliteFault.Corrupt, at, "the file's tables and vectors refer to each other so often that reading it would not end in reasonable time");
        }
    }
}

/// <summary>A vector's elements: <see cref="Start"/> is the first element, after the length prefix.</summary>
internal readonly record struct FlatVector(long Start, long Count, int ElementSize)
{
    public long At(long index) => Start + index * ElementSize;
}

/// <summary>One table: its fields are looked up by id through the vtable, each checked to lie inside the table.</summary>
internal readonly record struct FlatTable(FlatReader Reader, long Position, long VTable, int VTableSize, int InlineSize, string What)
{
    /// <summary>The absolute position of field <paramref name="id"/>, or -1 when the field is absent (its default applies).</summary>
    public long Field(int id, int size)
    {
        var slot = 4 + 2 * id;
        if (slot + 2 > VTableSize)
        {
            return -1;
        }

        var offset = Reader.File.UInt16(VTable + slot);
        if (offset == 0)
        {
            return -1;
        }

        if (offset + size > InlineSize)
        {
            throw new TfliteFormatException(TfliteFault.Corrupt, VTable + slot, $"field {id} of {What} lies outside the table ({offset} + {size} > {InlineSize} bytes)");
        }

        return Position + offset;
    }

    public bool Has(int id) => Field(id, 1) >= 0;

    public long Int(int id, long fallback = 0) => Field(id, 4) is var p and >= 0 ? Reader.File.Int32(p) : fallback;

    public long UInt(int id, long fallback = 0) => Field(id, 4) is var p and >= 0 ? Reader.File.UInt32(p) : fallback;

    public long SByte(int id, long fallback = 0) => Field(id, 1) is var p and >= 0 ? unchecked((sbyte)Reader.File.Byte(p)) : fallback;

    public long UByte(int id, long fallback = 0) => Field(id, 1) is var p and >= 0 ? Reader.File.Byte(p) : fallback;

    public bool Bool(int id) => UByte(id) != 0;

    public ulong ULong(int id) => Field(id, 8) is var p and >= 0 ? Reader.File.UInt64(p) : 0;

    public FlatTable? Table(int id, string what) => Field(id, 4) is var p and >= 0 ? Reader.Table(p, what) : null;

    public FlatVector? Vector(int id, int elementSize, string what) => Field(id, 4) is var p and >= 0 ? Reader.Vector(p, elementSize, what) : null;

    public string? String(int id, string what) => Field(id, 4) is var p and >= 0 ? Reader.String(p, what) : null;

    public int[]? Int32s(int id, string what) => Field(id, 4) is var p and >= 0 ? Reader.Int32s(p, what) : null;

    /// <summary>The <paramref name="index"/>-th table of a vector of tables.</summary>
    public FlatTable Element(FlatVector vector, long index, string what) => Reader.Table(vector.At(index), what);
}
