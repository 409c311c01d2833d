using System.Buffers.Binary;
using Google.Protobuf;
using static Google.Protobuf.WireFormat;

namespace FitCheck.Tests.Onnx;

/// <summary>
/// Writes ONNX files field by field with <see cref="CodedOutputStream"/> (no generated code), using the
/// field numbers of onnx.proto: a ModelProto with ir_version 8 and opset 13 around one GraphProto.
/// Repeated int64s are written unpacked, as proto2 serializers (the onnx Python package) do.
/// </summary>
internal sealed class OnnxWriter
{
    public const int Float = 1;
    public const int UInt8 = 2;
    public const int Int8 = 3;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int Float16 = 10;

    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];

    public long IrVersion { get; set; } = 8;

    public long Opset { get; set; } = 13;

    public bool PackedInts { get; set; }

    /// <summary>An input or output dim: a long is dim_value, a string is dim_param.</summary>
    public OnnxWriter Input(string name, params object[] dims)
    {
        _inputs.Add(ValueInfo(name, Float, dims));
        return this;
    }

    public OnnxWriter Output(string name, params object[] dims)
    {
        _outputs.Add(ValueInfo(name, Float, dims));
        return this;
    }

    /// <summary>An initializer whose raw_data is zeros of the right size (or <paramref name="raw"/>).</summary>
    public OnnxWriter Initializer(string name, long[] dims, int dataType = Float, byte[]? raw = null)
    {
        var count = dims.Aggregate(1L, (a, d) => a * d);
        var bytes = raw ?? new byte[count * ElementSize(dataType)];
        _initializers.Add(Tensor(name, dims, dataType, bytes));
        return this;
    }

    public OnnxWriter Int64s(string name, params long[] values)
    {
        var raw = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        }

        return Initializer(name, [values.Length], Int64, raw);
    }

    public OnnxWriter Floats(string name, params float[] values)
    {
        var raw = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), values[i]);
        }

        return Initializer(name, [values.Length], Float, raw);
    }

    /// <summary>An initializer stored outside the file: data_location = EXTERNAL, no raw_data.</summary>
    public OnnxWriter External(string name, long[] dims, int dataType = Float)
    {
        _initializers.Add(Message(o =>
        {
            WriteInts(o, 1, dims);
            o.WriteTag(2, WireType.Varint);
            o.WriteInt32(dataType);
            o.WriteTag(8, WireType.LengthDelimited);
            o.WriteString(name);
            o.WriteTag(13, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(Message(e =>
            {
                e.WriteTag(1, WireType.LengthDelimited);
                e.WriteString("location");
                e.WriteTag(2, WireType.LengthDelimited);
                e.WriteString("weights.bin");
            })));
            o.WriteTag(14, WireType.Varint);
            o.WriteInt32(1);
        }));
        return this;
    }

    public OnnxWriter Node(string opType, string[] inputs, string[] outputs, string? name = null, params OnnxAttr[] attributes)
    {
        _nodes.Add(Message(o =>
        {
            foreach (var i in inputs)
            {
                o.WriteTag(1, WireType.LengthDelimited);
                o.WriteString(i);
            }

            foreach (var i in outputs)
            {
                o.WriteTag(2, WireType.LengthDelimited);
                o.WriteString(i);
            }

            if (name is not null)
            {
                o.WriteTag(3, WireType.LengthDelimited);
                o.WriteString(name);
            }

            // "com.microsoft:QLinearAdd" writes the domain (field 7) next to the operator.
            var colon = opType.IndexOf(':', StringComparison.Ordinal);
            o.WriteTag(4, WireType.LengthDelimited);
            o.WriteString(colon < 0 ? opType : opType[(colon + 1)..]);
            if (colon >= 0)
            {
                o.WriteTag(7, WireType.LengthDelimited);
                o.WriteString(opType[..colon]);
            }
            foreach (var a in attributes)
            {
                o.WriteTag(5, WireType.LengthDelimited);
                o.WriteBytes(ByteString.CopyFrom(Message(w => a.Write(w, this))));
            }
        }));
        return this;
    }

    public byte[] ToBytes(bool withGraph = true) => Message(o =>
    {
        o.WriteTag(1, WireType.Varint);
        o.WriteInt64(IrVersion);
        o.WriteTag(2, WireType.LengthDelimited);
        o.WriteString("fitcheck-tests");
        if (withGraph)
        {
            o.WriteTag(7, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(Graph()));
        }

        o.WriteTag(8, WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(Message(s =>
        {
            s.WriteTag(1, WireType.LengthDelimited);
            s.WriteString("");
            s.WriteTag(2, WireType.Varint);
            s.WriteInt64(Opset);
        })));
    });

    public string Save(string path)
    {
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    /// <summary>The GraphProto alone: the body of an If, Loop or Scan attribute.</summary>
    public byte[] GraphBytes() => Graph();

    /// <summary>An input of another element type (int64 scalars such as a sample rate, int token ids).</summary>
    public OnnxWriter TypedInput(string name, int elemType, params object[] dims)
    {
        _inputs.Add(ValueInfo(name, elemType, dims));
        return this;
    }

    private byte[] Graph() => Message(o =>
    {
        foreach (var n in _nodes)
        {
            o.WriteTag(1, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(n));
        }

        o.WriteTag(2, WireType.LengthDelimited);
        o.WriteString("graph");
        foreach (var t in _initializers)
        {
            o.WriteTag(5, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(t));
        }

        foreach (var i in _inputs)
        {
            o.WriteTag(11, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(i));
        }

        foreach (var i in _outputs)
        {
            o.WriteTag(12, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(i));
        }
    });

    internal byte[] Tensor(string name, long[] dims, int dataType, byte[] raw) => Message(o =>
    {
        WriteInts(o, 1, dims);
        o.WriteTag(2, WireType.Varint);
        o.WriteInt32(dataType);
        o.WriteTag(8, WireType.LengthDelimited);
        o.WriteString(name);
        o.WriteTag(9, WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(raw));
    });

    internal void WriteInts(CodedOutputStream o, int field, IReadOnlyList<long> values)
    {
        if (PackedInts && values.Count > 0)
        {
            o.WriteTag(field, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(Message(p =>
            {
                foreach (var v in values)
                {
                    p.WriteInt64(v);
                }
            })));
            return;
        }

        foreach (var v in values)
        {
            o.WriteTag(field, WireType.Varint);
            o.WriteInt64(v);
        }
    }

    private static byte[] ValueInfo(string name, int elemType, object[] dims) => Message(o =>
    {
        o.WriteTag(1, WireType.LengthDelimited);
        o.WriteString(name);
        o.WriteTag(2, WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(Message(type =>
        {
            type.WriteTag(1, WireType.LengthDelimited);
            type.WriteBytes(ByteString.CopyFrom(Message(tensor =>
            {
                tensor.WriteTag(1, WireType.Varint);
                tensor.WriteInt32(elemType);
                tensor.WriteTag(2, WireType.LengthDelimited);
                tensor.WriteBytes(ByteString.CopyFrom(Message(shape =>
                {
                    foreach (var d in dims)
                    {
                        shape.WriteTag(1, WireType.LengthDelimited);
                        shape.WriteBytes(ByteString.CopyFrom(Message(dim =>
                        {
                            if (d is string param)
                            {
                                dim.WriteTag(2, WireType.LengthDelimited);
                                dim.WriteString(param);
                            }
                            else
                            {
                                dim.WriteTag(1, WireType.Varint);
                                dim.WriteInt64(Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture));
                            }
                        })));
                    }
                })));
            })));
        })));
    });

    internal static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(output);
        }

        return stream.ToArray();
    }

    private static int ElementSize(int dataType) => dataType switch
    {
        UInt8 or Int8 => 1,
        Float16 => 2,
        Int64 => 8,
        _ => 4,
    };
}

/// <summary>An AttributeProto: name, type (20) and one value field.</summary>
internal sealed record OnnxAttr(string Name, Action<CodedOutputStream, OnnxWriter> Write)
{
    public static OnnxAttr Int(string name, long value) => new(name, (o, _) =>
    {
        Header(o, name, 2);
        o.WriteTag(3, WireType.Varint);
        o.WriteInt64(value);
    });

    public static OnnxAttr Float(string name, float value) => new(name, (o, _) =>
    {
        Header(o, name, 1);
        o.WriteTag(2, WireType.Fixed32);
        o.WriteFloat(value);
    });

    public static OnnxAttr Ints(string name, params long[] values) => new(name, (o, w) =>
    {
        Header(o, name, 7);
        w.WriteInts(o, 8, values);
    });

    public static OnnxAttr String(string name, string value) => new(name, (o, _) =>
    {
        Header(o, name, 3);
        o.WriteTag(4, WireType.LengthDelimited);
        o.WriteString(value);
    });

    /// <summary>A tensor-valued attribute (Constant's value) holding int64 values; dims [] make a scalar.</summary>
    public static OnnxAttr Tensor(string name, long[] dims, params long[] values) => new(name, (o, w) =>
    {
        Header(o, name, 4);
        var raw = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        }

        o.WriteTag(5, WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(w.Tensor("", dims, OnnxWriter.Int64, raw)));
    });

    /// <summary>A subgraph attribute (If/Loop bodies) with arbitrary content: the importer must skip it unread.</summary>
    public static OnnxAttr Graph(string name, byte[] body) => new(name, (o, _) =>
    {
        Header(o, name, 5);
        o.WriteTag(6, WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(body));
    });

    private static void Header(CodedOutputStream o, string name, int type)
    {
        o.WriteTag(1, WireType.LengthDelimited);
        o.WriteString(name);
        o.WriteTag(20, WireType.Varint);
        o.WriteInt32(type);
    }
}
