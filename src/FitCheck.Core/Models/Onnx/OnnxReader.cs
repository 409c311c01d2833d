using FitCheck.Diagnostics;
using Google.Protobuf;
using static Google.Protobuf.WireFormat;

namespace FitCheck.Models.Onnx;

/// <summary>
/// Streams an .onnx file through <see cref="CodedInputStream"/> and keeps only what FitCheck needs: nodes,
/// initializer names/types/dims, and the graph interface. Fields are matched by their numbers in onnx.proto;
/// everything else, including every raw_data payload and every subgraph, is skipped with SkipLastField, so
/// the file is read once, front to back, in the stream's 4 KB buffer and never held in memory.
/// Embedded messages go through <see cref="MessageScope"/> so the stream's own limits bound every read.
/// </summary>
internal sealed partial class OnnxReader
{
    /// <summary>Tensors of real networks have at most 6 dims; anything beyond this is corruption.</summary>
    public const int MaxDims = 64;

    /// <summary>Attribute lists (pads, perm, value_ints) are short; a million entries means corruption.</summary>
    public const int MaxListLength = 1 << 20;

    /// <summary>
    /// Model > graph > value_info > type > tensor > shape > dim is 7 deep; each If/Loop/Scan body adds node >
    /// attribute > graph (3), so this allows bodies nested about ten deep; groups in unknown fields add to it.
    /// </summary>
    public const int RecursionLimit = 48;

    private readonly CodedInputStream _in;
    private readonly string _file;
    private readonly List<OnnxReaderFrame> _frames = [];
    private readonly OnnxGraph _graph = new();

    private OnnxReader(CodedInputStream input, string file)
    {
        _in = input;
        _file = file;
    }

    public static OnnxGraph Read(string path, string file)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(file, e.Message));
        }

        using (stream)
        {
            var length = stream.Length;
            if (length == 0)
            {
                throw new FitCheckException(DiagnosticCatalog.OnnxEmptyFile(file));
            }

            if (length > int.MaxValue)
            {
                throw new FitCheckException(DiagnosticCatalog.OnnxTooLarge(file, 0, "the file", length));
            }

            using var input = CodedInputStream.CreateWithLimits(stream, int.MaxValue, RecursionLimit);
            var reader = new OnnxReader(input, file);
            try
            {
                reader.ReadModel();
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new FitCheckException(OnnxFailureAnalysis.Diagnose(path, file, length, reader._frames, e.Message));
            }
            catch (OverflowException)
            {
                throw new FitCheckException(DiagnosticCatalog.OnnxAbsurdSize(file, reader.CurrentOffset, "a size does not fit in 64 bits"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FitCheckException(DiagnosticCatalog.FileUnreadable(file, e.Message));
            }

            if (!reader._graph.HasGraph)
            {
                throw new FitCheckException(DiagnosticCatalog.OnnxMissingGraph(file));
            }

            return reader._graph;
        }
    }

    private long CurrentOffset => _frames.Count > 0 ? _frames[^1].FieldStart : 0;

    private void ReadModel()
    {
        var f = Enter("ModelProto");
        uint tag;
        while ((tag = Next(f)) != 0)
        {
            switch (GetTagFieldNumber(tag))
            {
                case 1:
                    _graph.IrVersion = ReadVarint(tag, f, "ModelProto.ir_version (1)");
                    break;
                case 7:
                    Expect(tag, WireType.LengthDelimited, f, "ModelProto.graph (7)");
                    _graph.HasGraph = true;
                    Nested("GraphProto", g => ReadGraph(g, _graph));
                    break;
                case 8:
                    Expect(tag, WireType.LengthDelimited, f, "ModelProto.opset_import (8)");
                    Nested("OperatorSetIdProto", ReadOpset);
                    break;
                default:
                    Skip(tag, f);
                    break;
            }
        }

        Exit();
    }

    private void ReadOpset(OnnxReaderFrame f)
    {
        var domain = "";
        long version = 0;
        uint tag;
        while ((tag = Next(f)) != 0)
        {
            switch (GetTagFieldNumber(tag))
            {
                case 1:
                    domain = ReadString(tag, f, "OperatorSetIdProto.domain (1)");
                    break;
                case 2:
                    version = ReadVarint(tag, f, "OperatorSetIdProto.version (2)");
                    break;
                default:
                    Skip(tag, f);
                    break;
            }
        }

        if (domain is "" or "ai.onnx")
        {
            _graph.OpsetVersion = version;
        }
    }

    private void ReadGraph(OnnxReaderFrame f, OnnxGraph graph)
    {
        uint tag;
        while ((tag = Next(f)) != 0)
        {
            switch (GetTagFieldNumber(tag))
            {
                case 1:
                    Expect(tag, WireType.LengthDelimited, f, "GraphProto.node (1)");
                    var node = new OnnxNode { Index = graph.Nodes.Count, Offset = f.FieldStart };
                    Nested("NodeProto", g => ReadNode(g, node));
                    graph.Nodes.Add(node);
                    break;
                case 2:
                    graph.Name = ReadString(tag, f, "GraphProto.name (2)");
                    break;
                case 5:
                    Expect(tag, WireType.LengthDelimited, f, "GraphProto.initializer (5)");
                    var tensor = ReadTensor(f.FieldStart);
                    graph.Initializers[tensor.Name] = tensor;
                    break;
                case 11:
                    graph.Inputs.Add(ReadValueInfo(tag, f, "GraphProto.input (11)"));
                    break;
                case 12:
                    graph.Outputs.Add(ReadValueInfo(tag, f, "GraphProto.output (12)"));
                    break;
                case 13:
                    graph.ValueInfo.Add(ReadValueInfo(tag, f, "GraphProto.value_info (13)"));
                    break;
                default:
                    Skip(tag, f);
                    break;
            }
        }
    }

    private void ReadNode(OnnxReaderFrame f, OnnxNode node)
    {
        uint tag;
        while ((tag = Next(f)) != 0)
        {
            switch (GetTagFieldNumber(tag))
            {
                case 1:
                    node.Inputs.Add(ReadString(tag, f, "NodeProto.input (1)"));
                    break;
                case 2:
                    node.Outputs.Add(ReadString(tag, f, "NodeProto.output (2)"));
                    break;
                case 3:
                    node.Name = ReadString(tag, f, "NodeProto.name (3)");
                    break;
                case 4:
                    node.OpType = ReadString(tag, f, "NodeProto.op_type (4)");
                    break;
                case 5:
                    Expect(tag, WireType.LengthDelimited, f, "NodeProto.attribute (5)");
                    var attribute = new OnnxAttribute();
                    Nested("AttributeProto", g => ReadAttribute(g, attribute));
                    node.Attributes.Add(attribute);
                    break;
                case 7:
                    node.Domain = ReadString(tag, f, "NodeProto.domain (7)");
                    break;
                default:
                    Skip(tag, f);
                    break;
            }
        }
    }

    private void ReadAttribute(OnnxReaderFrame f, OnnxAttribute a)
    {
        uint tag;
        while ((tag = Next(f)) != 0)
        {
            switch (GetTagFieldNumber(tag))
            {
                case 1:
                    a.Name = ReadString(tag, f, "AttributeProto.name (1)");
                    break;
                case 2:
                    Expect(tag, WireType.Fixed32, f, "AttributeProto.f (2)");
                    a.F = _in.ReadFloat();
                    break;
                case 3:
                    a.I = ReadVarint(tag, f, "AttributeProto.i (3)");
                    break;
                case 4:
                    a.S = ReadString(tag, f, "AttributeProto.s (4)");
                    break;
                case 5:
                    Expect(tag, WireType.LengthDelimited, f, "AttributeProto.t (5)");
                    a.T = ReadTensor(f.FieldStart);
                    break;
                case 7:
                    ReadFloats(tag, f, "AttributeProto.floats (7)", a.Floats, MaxListLength);
                    break;
                case 8:
                    ReadInt64s(tag, f, "AttributeProto.ints (8)", a.Ints, MaxListLength);
                    break;
                case 20:
                    a.Type = (int)ReadVarint(tag, f, "AttributeProto.type (20)");
                    break;
                case 6:
                    // The bodies of If, Loop and Scan: read like the main graph (weights skipped the same way).
                    Expect(tag, WireType.LengthDelimited, f, "AttributeProto.g (6)");
                    var body = new OnnxGraph { HasGraph = true };
                    Nested("GraphProto", g => ReadGraph(g, body));
                    a.G = body;
                    break;
                default:
                    Skip(tag, f);
                    break;
            }
        }
    }

    private OnnxTensor ReadTensor(long offset)
    {
        var t = new OnnxTensor { Offset = offset };
        Nested("TensorProto", f => ReadTensorBody(f, t));
        return t;
    }

    private void ReadTensorBody(OnnxReaderFrame f, OnnxTensor t)
    {
        uint tag;
        while ((tag = Next(f)) != 0)
        {
            switch (GetTagFieldNumber(tag))
            {
                case 1:
                    ReadInt64s(tag, f, "TensorProto.dims (1)", t.Dims, MaxDims);
                    foreach (var d in t.Dims)
                    {
                        if (d < 0)
                        {
                            throw Absurd(f, $"tensor dimension {d} is negative");
                        }
                    }

                    break;
                case 2:
                    t.DataType = (int)ReadVarint(tag, f, "TensorProto.data_type (2)");
                    break;
                case 4:
                    ReadSmallValues(tag, f, t, "TensorProto.float_data (4)", OnnxDataType.Float);
                    break;
                case 5:
                    ReadSmallValues(tag, f, t, "TensorProto.int32_data (5)", OnnxDataType.Int32);
                    break;
                case 7:
                    ReadSmallValues(tag, f, t, "TensorProto.int64_data (7)", OnnxDataType.Int64);
                    break;
                case 8:
                    t.Name = ReadString(tag, f, "TensorProto.name (8)");
                    break;
                case 9:
                    Expect(tag, WireType.LengthDelimited, f, "TensorProto.raw_data (9)");
                    ReadRawData(t);
                    break;
                case 13:
                    Expect(tag, WireType.LengthDelimited, f, "TensorProto.external_data (13)");
                    _in.SkipLastField();
                    break;
                case 14:
                    t.External = ReadVarint(tag, f, "TensorProto.data_location (14)") == 1;
                    break;
                default:
                    Skip(tag, f);
                    break;
            }
        }
    }

    /// <summary>
    /// Decodes raw_data only for the small int/float tensors shape inference reads (serializers write dims and
    /// data_type, fields 1 and 2, before raw_data, field 9). Decoding goes value by value inside the field's
    /// limit, so even a corrupt length never makes it allocate; weight payloads are skipped, never copied.
    /// </summary>
    private void ReadRawData(OnnxTensor t)
    {
        var count = t.SmallElementCount();
        var width = t.DataType switch
        {
            OnnxDataType.Int64 or OnnxDataType.Double => 8,
            OnnxDataType.Int32 or OnnxDataType.Float => 4,
            _ => 0,
        };
        if (count < 0 || width == 0)
        {
            _in.SkipLastField();
            return;
        }

        var ints = t.DataType is OnnxDataType.Int64 or OnnxDataType.Int32 ? new long[count] : null;
        var floats = ints is null ? new double[count] : null;
        var tensorFrame = _frames[^1];
        Values(() =>
        {
            for (var i = 0; i < count; i++)
            {
                switch (t.DataType)
                {
                    case OnnxDataType.Int64:
                        ints![i] = _in.ReadSFixed64();
                        break;
                    case OnnxDataType.Int32:
                        ints![i] = _in.ReadSFixed32();
                        break;
                    case OnnxDataType.Double:
                        floats![i] = _in.ReadDouble();
                        break;
                    default:
                        floats![i] = _in.ReadFloat();
                        break;
                }
            }

            if (!_in.IsAtEnd)
            {
                throw Absurd(tensorFrame, $"raw_data of '{t.Name}' holds more than its {count} elements of {width} bytes");
            }

            // ReadMessage insists the last tag read inside is the end marker; there is none in raw bytes.
            _in.ReadTag();
        });
        t.Ints = ints;
        t.Floats = floats;
    }

    /// <summary>The typed payload fields: kept for small tensors (as raw_data is), skipped otherwise.</summary>
    private void ReadSmallValues(uint tag, OnnxReaderFrame f, OnnxTensor t, string field, int kind)
    {
        var count = t.SmallElementCount();
        if (count < 0)
        {
            Skip(tag, f);
            return;
        }

        if (kind == OnnxDataType.Float)
        {
            var floats = new List<float>();
            ReadFloats(tag, f, field, floats, (int)count - (t.Floats?.Length ?? 0));
            t.Floats = [.. (t.Floats ?? []), .. floats.Select(x => (double)x)];
            return;
        }

        var ints = new List<long>();
        ReadInt64s(tag, f, field, ints, (int)count - (t.Ints?.Length ?? 0));
        t.Ints = [.. (t.Ints ?? []), .. ints];
    }

    private OnnxValueInfo ReadValueInfo(uint tag, OnnxReaderFrame f, string field)
    {
        Expect(tag, WireType.LengthDelimited, f, field);
        var info = new OnnxValueInfo();
        Nested("ValueInfoProto", g =>
        {
            uint t;
            while ((t = Next(g)) != 0)
            {
                switch (GetTagFieldNumber(t))
                {
                    case 1:
                        info.Name = ReadString(t, g, "ValueInfoProto.name (1)");
                        break;
                    case 2:
                        Expect(t, WireType.LengthDelimited, g, "ValueInfoProto.type (2)");
                        Nested("TypeProto", h => ReadType(h, info));
                        break;
                    default:
                        Skip(t, g);
                        break;
                }
            }
        });
        return info;
    }

    private void ReadType(OnnxReaderFrame f, OnnxValueInfo info)
    {
        uint tag;
        while ((tag = Next(f)) != 0)
        {
            if (GetTagFieldNumber(tag) != 1)
            {
                // Sequences and maps are not tensors; the input check reports them.
                Skip(tag, f);
                continue;
            }

            Expect(tag, WireType.LengthDelimited, f, "TypeProto.tensor_type (1)");
            Nested("TypeProto.Tensor", g =>
            {
                uint t;
                while ((t = Next(g)) != 0)
                {
                    switch (GetTagFieldNumber(t))
                    {
                        case 1:
                            info.ElemType = (int)ReadVarint(t, g, "TypeProto.Tensor.elem_type (1)");
                            break;
                        case 2:
                            Expect(t, WireType.LengthDelimited, g, "TypeProto.Tensor.shape (2)");
                            info.Dims = [];
                            Nested("TensorShapeProto", h => ReadShape(h, info.Dims));
                            break;
                        default:
                            Skip(t, g);
                            break;
                    }
                }
            });
        }
    }

    private void ReadShape(OnnxReaderFrame f, List<OnnxDim> dims)
    {
        uint tag;
        while ((tag = Next(f)) != 0)
        {
            if (GetTagFieldNumber(tag) != 1)
            {
                Skip(tag, f);
                continue;
            }

            Expect(tag, WireType.LengthDelimited, f, "TensorShapeProto.dim (1)");
            if (dims.Count >= MaxDims)
            {
                throw Absurd(f, $"a shape has more than {MaxDims} dimensions");
            }

            long value = 0;
            string? param = null;
            Nested("TensorShapeProto.Dimension", g =>
            {
                uint t;
                while ((t = Next(g)) != 0)
                {
                    switch (GetTagFieldNumber(t))
                    {
                        case 1:
                            value = ReadVarint(t, g, "Dimension.dim_value (1)");
                            break;
                        case 2:
                            param = ReadString(t, g, "Dimension.dim_param (2)");
                            break;
                        default:
                            Skip(t, g);
                            break;
                    }
                }
            });
            dims.Add(new OnnxDim(value, param));
        }
    }

    private OnnxReaderFrame Enter(string message)
    {
        var frame = new OnnxReaderFrame(message);
        _frames.Add(frame);
        return frame;
    }

    /// <summary>Frames stay on the stack when a read throws, so the failure analysis sees where it was.</summary>
    private void Exit() => _frames.RemoveAt(_frames.Count - 1);

    private void Nested(string message, Action<OnnxReaderFrame> body)
    {
        _in.ReadMessage(new MessageScope(_ =>
        {
            var frame = Enter(message);
            frame.FieldStart = _in.Position;
            body(frame);
            Exit();
        }));
    }

    /// <summary>
    /// A length-delimited run of values (packed repeated field, raw_data) read under the stream's limit like a
    /// message, but without a frame: it has no tags, so failures point at the field that holds it.
    /// </summary>
    private void Values(Action body) => _in.ReadMessage(new MessageScope(_ => body()));

    private uint Next(OnnxReaderFrame f)
    {
        f.FieldStart = _in.Position;
        f.Field = "";
        return _in.ReadTag();
    }

    private void Skip(uint tag, OnnxReaderFrame f)
    {
        // SkipLastField silently does nothing for the undefined wire types 6 and 7; they are corruption.
        if ((int)GetTagWireType(tag) > 5)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxCorrupt(_file, f.FieldStart,
                FormattableString.Invariant($"field {GetTagFieldNumber(tag)} of {f.Message} has the undefined wire type {(int)GetTagWireType(tag)}")));
        }

        _in.SkipLastField();
    }

    private void Expect(uint tag, WireType expected, OnnxReaderFrame f, string field)
    {
        f.Field = field;
        var actual = GetTagWireType(tag);
        if (actual != expected)
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxWrongWireType(_file, f.FieldStart, field, (int)actual, Describe(expected)));
        }
    }

    private long ReadVarint(uint tag, OnnxReaderFrame f, string field)
    {
        Expect(tag, WireType.Varint, f, field);
        return _in.ReadInt64();
    }

    private string ReadString(uint tag, OnnxReaderFrame f, string field)
    {
        Expect(tag, WireType.LengthDelimited, f, field);
        return _in.ReadString();
    }

    /// <summary>Repeated int64 fields arrive packed (proto3 writers) or one by one (proto2 writers); both are valid.</summary>
    private void ReadInt64s(uint tag, OnnxReaderFrame f, string field, List<long> into, int max)
    {
        f.Field = field;
        var wire = GetTagWireType(tag);
        if (wire == WireType.Varint)
        {
            Add(into, _in.ReadInt64(), max, f, field);
        }
        else if (wire == WireType.LengthDelimited)
        {
            Values(() =>
            {
                while (!_in.IsAtEnd)
                {
                    Add(into, _in.ReadInt64(), max, f, field);
                }

                _in.ReadTag();
            });
        }
        else
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxWrongWireType(_file, f.FieldStart, field, (int)wire, "0 (varint) or 2 (packed)"));
        }
    }

    private void ReadFloats(uint tag, OnnxReaderFrame f, string field, List<float> into, int max)
    {
        f.Field = field;
        var wire = GetTagWireType(tag);
        if (wire == WireType.Fixed32)
        {
            Add(into, _in.ReadFloat(), max, f, field);
        }
        else if (wire == WireType.LengthDelimited)
        {
            Values(() =>
            {
                while (!_in.IsAtEnd)
                {
                    Add(into, _in.ReadFloat(), max, f, field);
                }

                _in.ReadTag();
            });
        }
        else
        {
            throw new FitCheckException(DiagnosticCatalog.OnnxWrongWireType(_file, f.FieldStart, field, (int)wire, "5 (32-bit) or 2 (packed)"));
        }
    }

    private void Add<T>(List<T> into, T value, int max, OnnxReaderFrame f, string field)
    {
        if (into.Count >= max)
        {
            throw Absurd(f, $"{field} has more than {max} entries");
        }

        into.Add(value);
    }

    private FitCheckException Absurd(OnnxReaderFrame f, FormattableString what) =>
        new(DiagnosticCatalog.OnnxAbsurdSize(_file, f.FieldStart, FormattableString.Invariant(what)));

    private static string Describe(WireType w) => w switch
    {
        WireType.Varint => "0 (varint)",
        WireType.Fixed64 => "1 (64-bit)",
        WireType.LengthDelimited => "2 (length-delimited)",
        WireType.Fixed32 => "5 (32-bit)",
        _ => ((int)w).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
