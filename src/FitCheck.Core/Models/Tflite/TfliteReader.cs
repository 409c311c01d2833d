using System.Globalization;
using FitCheck.Diagnostics;
using S = FitCheck.Models.Tflite.TfliteSchema;

namespace FitCheck.Models.Tflite;

/// <summary>
/// Reads a .tflite file over a memory map into <see cref="TfliteFile"/>: subgraph 0 in full (tensors with
/// shapes, types, buffers and quantisation; operators with their options), the other subgraphs by name,
/// and where every buffer's bytes lie (inside the FlatBuffer, or after it for models over 2 GB). Weight bytes
/// are located, never read. Every index is checked against what it indexes, so a corrupt file becomes an
/// FC08xx diagnostic with the byte offset of the fault.
/// </summary>
internal sealed class TfliteReader
{
    /// <summary>Small integer constants (shapes, axes, paddings) are read for shape inference; larger ones are weights.</summary>
    private const int MaxValuesRead = 16;

    private readonly FlatReader _r;
    private readonly MappedFile _file;
    private readonly string _name;
    private TfliteBuffer[] _buffers = [];
    private string[] _codes = [];

    private TfliteReader(MappedFile file, string name)
    {
        _file = file;
        _r = new FlatReader(file);
        _name = name;
    }

    public static TfliteFile Read(string path, string file)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(file, e.Message));
        }

        using (stream)
        {
            if (!stream.CanSeek)
            {
                throw new FitCheckException(DiagnosticCatalog.FileUnreadable(file, "it is not a regular file (a pipe or device cannot be memory-mapped)"));
            }

            if (stream.Length == 0)
            {
                throw new FitCheckException(DiagnosticCatalog.TfliteEmpty(file));
            }

            if (stream.Length < 8)
            {
                throw new FitCheckException(DiagnosticCatalog.TfliteTruncated(file, 0, stream.Length, "the root offset and file identifier"));
            }

            MappedFile mapped;
            try
            {
                mapped = MappedFile.Open(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FitCheckException(DiagnosticCatalog.FileUnreadable(file, e.Message));
            }

            using (mapped)
            {
                var reader = new TfliteReader(mapped, file);
                try
                {
                    return reader.ReadModel();
                }
                catch (TfliteFormatException e)
                {
                    throw new FitCheckException(e.Fault switch
                    {
                        TfliteFault.PastEnd => DiagnosticCatalog.TfliteTruncated(file, e.Offset, mapped.Length, e.What),
                        TfliteFault.Index => DiagnosticCatalog.TfliteIndexOutOfRange(file, e.Offset, e.What, e.Index, e.Count),
                        TfliteFault.TooLarge => DiagnosticCatalog.TfliteTooLarge(file, e.Offset, e.What, e.Index, e.Count),
                        _ => DiagnosticCatalog.TfliteCorrupt(file, e.Offset, e.What),
                    });
                }
            }
        }
    }

    private TfliteFile ReadModel()
    {
        var identifier = _file.Bytes(4, 4);
        if (identifier.AsSpan().SequenceEqual("TFL3"u8) is false)
        {
            var shown = identifier.All(b => b is >= 0x20 and < 0x7f)
                ? $"\"{System.Text.Encoding.ASCII.GetString(identifier)}\""
                : "0x" + Convert.ToHexString(identifier);
            throw new FitCheckException(DiagnosticCatalog.TfliteNotTflite(_name, shown));
        }

        var model = _r.Root("the Model table");
        _codes = ReadOperatorCodes(model);
        _buffers = ReadBuffers(model);
        var subgraphs = model.Vector(S.Model.Subgraphs, 4, "the subgraphs vector") ?? new FlatVector(0, 0, 4);
        if (subgraphs.Count == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.TfliteUnsupportedModel(_name, "the model has no subgraph"));
        }

        var list = new TfliteSubgraph[subgraphs.Count];
        for (var i = 0; i < list.Length; i++)
        {
            var table = model.Element(subgraphs, i, $"subgraph {i}");
            list[i] = i == 0 ? ReadSubgraph(table) : new TfliteSubgraph(Name(table, i), [], [], [], [], table.Position);
        }

        return new TfliteFile(_file.Length, list, _buffers, model.String(S.Model.Description, "the model description"));
    }

    private static string Name(FlatTable subgraph, int index) =>
        subgraph.String(S.SubGraph.Name, $"the name of subgraph {index}") is { Length: > 0 } n ? n : index.ToString(CultureInfo.InvariantCulture);

    private string[] ReadOperatorCodes(FlatTable model)
    {
        var v = model.Vector(S.Model.OperatorCodes, 4, "the operator_codes vector") ?? new FlatVector(0, 0, 4);
        var codes = new string[v.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var t = model.Element(v, i, $"operator code {i}");
            var code = Math.Max(t.SByte(S.OperatorCode.DeprecatedBuiltinCode), t.Int(S.OperatorCode.BuiltinCode));
            codes[i] = code == TfliteOperators.CustomCode
                ? t.String(S.OperatorCode.CustomCode, $"the custom code of operator code {i}") ?? "CUSTOM"
                : TfliteOperators.BuiltinName((int)code);
        }

        return codes;
    }

    private TfliteBuffer[] ReadBuffers(FlatTable model)
    {
        var v = model.Vector(S.Model.Buffers, 4, "the buffers vector") ?? new FlatVector(0, 0, 4);
        var buffers = new TfliteBuffer[v.Count];
        for (var i = 0; i < buffers.Length; i++)
        {
            var t = model.Element(v, i, $"buffer {i}");
            if (t.Vector(S.Buffer.Data, 1, $"the data of buffer {i}") is { } data)
            {
                buffers[i] = new TfliteBuffer(data.Start, data.Count);
                continue;
            }

            // Models over 2 GB keep their buffers after the FlatBuffer; offset counts from the file's start and only values > 1 are real.
            var offset = t.ULong(S.Buffer.Offset);
            var size = t.ULong(S.Buffer.Size);
            if (offset > 1)
            {
                if (offset > (ulong)_file.Length || size > (ulong)_file.Length - offset)
                {
                    throw new TfliteFormatException(TfliteFault.PastEnd, t.Position, $"buffer {i} (bytes {offset} to {offset + Math.Min(size, ulong.MaxValue - offset)})");
                }

                buffers[i] = new TfliteBuffer((long)offset, (long)size);
            }
        }

        return buffers;
    }

    private TfliteSubgraph ReadSubgraph(FlatTable g)
    {
        var name = Name(g, 0);
        var tv = g.Vector(S.SubGraph.Tensors, 4, "the tensors of subgraph 0") ?? new FlatVector(0, 0, 4);
        var tensors = new TfliteTensor[tv.Count];
        for (var i = 0; i < tensors.Length; i++)
        {
            tensors[i] = ReadTensor(g.Element(tv, i, $"tensor {i}"), i);
        }

        var inputs = Indices(g, S.SubGraph.Inputs, "an input of subgraph 0: tensor", tensors.Length);
        var outputs = Indices(g, S.SubGraph.Outputs, "an output of subgraph 0: tensor", tensors.Length);
        var ov = g.Vector(S.SubGraph.Operators, 4, "the operators of subgraph 0") ?? new FlatVector(0, 0, 4);
        var ops = new TfliteOperator[ov.Count];
        for (var i = 0; i < ops.Length; i++)
        {
            ops[i] = ReadOperator(g.Element(ov, i, $"operator {i}"), i, tensors.Length);
        }

        return new TfliteSubgraph(name, tensors, inputs, outputs, ops, g.Position);
    }

    private static int[] Indices(FlatTable table, int field, string what, int count, bool optional = false)
    {
        var values = table.Int32s(field, what) ?? [];
        var at = table.Field(field, 4);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < (optional ? -1 : 0) || values[i] >= count)
            {
                throw new TfliteFormatException(TfliteFault.Index, at, what, values[i], count);
            }
        }

        return values;
    }

    private TfliteTensor ReadTensor(FlatTable t, int index)
    {
        var name = t.String(S.Tensor.Name, $"the name of tensor {index}") ?? index.ToString(CultureInfo.InvariantCulture);
        var shape = t.Int32s(S.Tensor.Shape, $"the shape of tensor {index}") ?? [];
        var signature = t.Int32s(S.Tensor.ShapeSignature, $"the shape signature of tensor {index}");
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new FitCheckException(DiagnosticCatalog.TfliteBadShape(_name, t.Field(S.Tensor.Shape, 4), name,
                    $"has dimension {d.ToString(CultureInfo.InvariantCulture)} in its shape [{string.Join(", ", shape)}]"
                    + (d == int.MinValue ? " (2^31 does not fit the schema's int32)" : "")));
            }
        }

        if (signature is not null && (signature.Length != shape.Length || signature.Any(d => d < -1)))
        {
            throw new FitCheckException(DiagnosticCatalog.TfliteBadShape(_name, t.Field(S.Tensor.ShapeSignature, 4), name,
                $"has shape signature [{string.Join(", ", signature)}], which does not match its shape [{string.Join(", ", shape)}]"));
        }

        var buffer = t.UInt(S.Tensor.Buffer);
        if (buffer >= _buffers.Length && (buffer != 0 || _buffers.Length != 0))
        {
            throw new TfliteFormatException(TfliteFault.Index, t.Field(S.Tensor.Buffer, 4), $"the buffer of tensor '{DiagnosticCatalog.Clip(name)}'", buffer, _buffers.Length);
        }

        var type = (int)t.SByte(S.Tensor.Type);
        var channels = 0;
        if (t.Table(S.Tensor.Quantization, $"the quantization of tensor {index}") is { } q
            && q.Vector(S.Quantization.Scale, 4, $"the quantization scales of tensor {index}") is { } scales)
        {
            channels = (int)scales.Count;
        }

        long[]? values = null;
        if (buffer != 0 && _buffers[buffer].Length > 0 && type is TfliteTensorType.Int32 or TfliteTensorType.Int64)
        {
            var width = type == TfliteTensorType.Int32 ? 4 : 8;
            var b = _buffers[buffer];
            if (b.Length % width == 0 && b.Length / width <= MaxValuesRead)
            {
                values = new long[b.Length / width];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = width == 4 ? _file.Int32(b.Offset + 4L * i) : _file.Int64(b.Offset + 8L * i);
                }
            }
        }

        return new TfliteTensor(index, name, shape, signature, type, (uint)buffer, t.Bool(S.Tensor.IsVariable),
            t.Has(S.Tensor.Sparsity), channels, values, t.Position);
    }

    private TfliteOperator ReadOperator(FlatTable t, int index, int tensorCount)
    {
        var opcode = t.UInt(S.Operator.OpcodeIndex);
        if (opcode >= _codes.Length)
        {
            throw new TfliteFormatException(TfliteFault.Index, t.Position, $"the operator code of operator {index}", opcode, _codes.Length);
        }

        var code = _codes[opcode];
        var inputs = Indices(t, S.Operator.Inputs, $"an input of operator {index} ({code}): tensor", tensorCount, optional: true);
        var outputs = Indices(t, S.Operator.Outputs, $"an output of operator {index} ({code}): tensor", tensorCount);
        long[] options = [];
        if (TfliteOperators.Find(code) is { } row && row.Options.Length > 0
            && t.Table(S.Operator.BuiltinOptions, $"the options of operator {index} ({code})") is { } o)
        {
            options = new long[row.Options.Length];
            for (var f = 0; f < options.Length; f++)
            {
                options[f] = o.Field(f, row.Options[f]) is var p and >= 0
                    ? row.Options[f] == 1 ? _file.Byte(p) : _file.Int32(p)
                    : long.MinValue;
            }
        }

        long customBytes = 0;
        IReadOnlyDictionary<string, long> custom = new Dictionary<string, long>();
        var large = t.ULong(S.Operator.LargeCustomOptionsOffset);
        if (t.Vector(S.Operator.CustomOptions, 1, $"the custom options of operator {index}") is { } co)
        {
            customBytes = co.Count;
            if (code == TfliteOperators.DetectionPostProcess)
            {
                custom = FlexBufferMap.Read(_file, co.Start, co.Count);
            }
        }
        else if (large > 1)
        {
            var size = t.ULong(S.Operator.LargeCustomOptionsSize);
            if (large > (ulong)_file.Length || size > (ulong)_file.Length - large)
            {
                throw new TfliteFormatException(TfliteFault.PastEnd, t.Position, $"the custom options of operator {index} (bytes {large} to {large + Math.Min(size, ulong.MaxValue - large)})");
            }

            customBytes = (long)size;
        }

        return new TfliteOperator(index, code, inputs, outputs, options, customBytes, custom, t.Position);
    }
}
