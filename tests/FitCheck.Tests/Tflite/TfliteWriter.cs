using Google.FlatBuffers;

namespace FitCheck.Tests.Tflite;

/// <summary>
/// Writes .tflite files for tests with Google.FlatBuffers' own builder, table by table as TensorFlow Lite's
/// schema lays them out (field ids from schema.fbs). Builtin codes and options-union types are written here,
/// independently of the importer's table, so a wrong id on either side shows up as a failing test; the
/// output was checked once against `flatc --json` (see Reference/count_from_flatc.py).
/// </summary>
internal sealed class TfliteWriter
{
    public const sbyte Float32 = 0, Float16 = 1, Int32 = 2, UInt8 = 3, Int64 = 4, Int16 = 7, Int8 = 9;

    private static readonly Dictionary<string, int> Codes = new()
    {
        ["ADD"] = 0,
        ["AVERAGE_POOL_2D"] = 1,
        ["CONCATENATION"] = 2,
        ["CONV_2D"] = 3,
        ["DEPTHWISE_CONV_2D"] = 4,
        ["DEPTH_TO_SPACE"] = 5,
        ["DEQUANTIZE"] = 6,
        ["FULLY_CONNECTED"] = 9,
        ["L2_POOL_2D"] = 12,
        ["LOGISTIC"] = 14,
        ["MAX_POOL_2D"] = 17,
        ["MUL"] = 18,
        ["RELU"] = 19,
        ["RELU_N1_TO_1"] = 20,
        ["RELU6"] = 21,
        ["RESHAPE"] = 22,
        ["RESIZE_BILINEAR"] = 23,
        ["SOFTMAX"] = 25,
        ["SPACE_TO_DEPTH"] = 26,
        ["TANH"] = 28,
        ["CUSTOM"] = 32,
        ["PAD"] = 34,
        ["GATHER"] = 36,
        ["TRANSPOSE"] = 39,
        ["MEAN"] = 40,
        ["SUB"] = 41,
        ["DIV"] = 42,
        ["SQUEEZE"] = 43,
        ["UNIDIRECTIONAL_SEQUENCE_LSTM"] = 44,
        ["STRIDED_SLICE"] = 45,
        ["EXP"] = 47,
        ["SPLIT"] = 49,
        ["CAST"] = 53,
        ["PRELU"] = 54,
        ["MAXIMUM"] = 55,
        ["MINIMUM"] = 57,
        ["NEG"] = 59,
        ["PADV2"] = 60,
        ["SLICE"] = 65,
        ["TRANSPOSE_CONV"] = 67,
        ["EXPAND_DIMS"] = 70,
        ["LOG"] = 73,
        ["SUM"] = 74,
        ["SQRT"] = 75,
        ["RSQRT"] = 76,
        ["SHAPE"] = 77,
        ["REDUCE_MAX"] = 82,
        ["PACK"] = 83,
        ["UNPACK"] = 88,
        ["RESIZE_NEAREST_NEIGHBOR"] = 97,
        ["LEAKY_RELU"] = 98,
        ["SQUARED_DIFFERENCE"] = 99,
        ["MIRROR_PAD"] = 100,
        ["ABS"] = 101,
        ["SPLIT_V"] = 102,
        ["ELU"] = 111,
        ["QUANTIZE"] = 114,
        ["HARD_SWISH"] = 117,
        ["BATCH_MATMUL"] = 126,
        ["GELU"] = 150,
        ["TOPK_V2"] = 48,
        ["WHILE"] = 119,
        ["DENSIFY"] = 124,
    };

    /// <summary>BuiltinOptions union members (1-based, as schema.fbs lists them) for the options tables tests write.</summary>
    public const byte Conv2DOptions = 1, DepthwiseConv2DOptions = 2, Pool2DOptions = 5, FullyConnectedOptions = 8, ConcatenationOptions = 10,
        AddOptions = 11, ReducerOptions = 27, TransposeConvOptions = 49, DepthToSpaceOptions = 94, BatchMatMulOptions = 101;

    private readonly List<Buf> _buffers = [new(null, 0, 0)];
    private readonly List<TensorSpec> _tensors = [];
    private readonly List<OpSpec> _ops = [];
    private readonly List<string> _codes = [];
    private readonly List<string> _extraSubgraphs = [];
    private int[] _inputs = [];
    private int[] _outputs = [];

    /// <summary>Bytes appended after the FlatBuffer (where models over 2 GB keep their buffers).</summary>
    public byte[] Tail { get; set; } = [];

    public int Buffer(byte[] data)
    {
        _buffers.Add(new Buf(data, 0, 0));
        return _buffers.Count - 1;
    }

    /// <summary>A buffer whose bytes lie outside the FlatBuffer, at a file offset (the schema's offset/size fields).</summary>
    public int ExternalBuffer(ulong offset, ulong size)
    {
        _buffers.Add(new Buf(null, offset, size));
        return _buffers.Count - 1;
    }

    public int Tensor(string name, int[] shape, sbyte type = Float32, int buffer = 0, int[]? signature = null, int quantizedChannels = 0,
        bool sparse = false, bool variable = false)
    {
        _tensors.Add(new TensorSpec(name, shape, type, buffer, signature, quantizedChannels, sparse, variable));
        return _tensors.Count - 1;
    }

    /// <summary>A constant tensor with zeroed data of the type's width.</summary>
    public int Constant(string name, int[] shape, sbyte type = Float32, int quantizedChannels = 0, bool sparse = false, int? storedBytes = null)
    {
        var width = type switch { Float16 or Int16 => 2, Int8 or UInt8 => 1, Int64 => 8, _ => 4 };
        var elements = shape.Aggregate(1, (a, b) => a * b);
        return Tensor(name, shape, type, Buffer(new byte[storedBytes ?? elements * width]), quantizedChannels: quantizedChannels, sparse: sparse);
    }

    public int Ints(string name, params int[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BitConverter.GetBytes(values[i]).CopyTo(bytes, i * 4);
        }

        return Tensor(name, [values.Length], Int32, Buffer(bytes));
    }

    /// <summary>An operator; <paramref name="options"/> are (field id, width 1 or 4, value) of its builtin options table.</summary>
    public void Op(string code, int[] inputs, int[] outputs, byte optionsType = 0, (int Id, int Width, long Value)[]? options = null,
        byte[]? customOptions = null)
    {
        if (!_codes.Contains(code))
        {
            _codes.Add(code);
        }

        _ops.Add(new OpSpec(_codes.IndexOf(code), inputs, outputs, optionsType, options, customOptions));
    }

    public void Inputs(params int[] tensors) => _inputs = tensors;

    public void Outputs(params int[] tensors) => _outputs = tensors;

    public void Subgraph(string name) => _extraSubgraphs.Add(name);

    public static (int, int, long)[] ConvOptions(int stride = 1, bool valid = false, int activation = 0, int dilation = 1) =>
        [(0, 1, valid ? 1 : 0), (1, 4, stride), (2, 4, stride), (3, 1, activation), (4, 4, dilation), (5, 4, dilation)];

    public static (int, int, long)[] DepthwiseOptions(int stride = 1, bool valid = false, int activation = 0) =>
        [(0, 1, valid ? 1 : 0), (1, 4, stride), (2, 4, stride), (3, 4, 1), (4, 1, activation)];

    public static (int, int, long)[] PoolOptions(int kernel, int stride, bool valid = true) =>
        [(0, 1, valid ? 1 : 0), (1, 4, stride), (2, 4, stride), (3, 4, kernel), (4, 4, kernel)];

    public string Save(string path)
    {
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    public byte[] ToBytes()
    {
        var fb = new FlatBufferBuilder(1024);
        var buffers = _buffers.Select(b => WriteBuffer(fb, b)).ToArray();
        var tensors = _tensors.Select(t => WriteTensor(fb, t)).ToArray();
        var ops = _ops.Select(o => WriteOp(fb, o)).ToArray();
        var codes = _codes.Select(c => WriteCode(fb, c)).ToArray();
        var main = WriteSubgraph(fb, "main", tensors, _inputs, _outputs, ops);
        var subgraphs = new[] { main }.Concat(_extraSubgraphs.Select(n => WriteSubgraph(fb, n, [], [], [], []))).ToArray();
        var codesVector = Tables(fb, codes);
        var subgraphsVector = Tables(fb, subgraphs);
        var buffersVector = Tables(fb, buffers);
        var description = fb.CreateString("written by FitCheck's tests");
        fb.StartTable(5);
        fb.AddUint(0, 3, 0);
        fb.AddOffset(1, codesVector.Value, 0);
        fb.AddOffset(2, subgraphsVector.Value, 0);
        fb.AddOffset(3, description.Value, 0);
        fb.AddOffset(4, buffersVector.Value, 0);
        var model = fb.EndTable();
        fb.Finish(model, "TFL3");
        return [.. fb.SizedByteArray(), .. Tail];
    }

    private static int WriteBuffer(FlatBufferBuilder fb, Buf b)
    {
        VectorOffset? data = null;
        if (b.Data is { Length: > 0 })
        {
            fb.StartVector(1, b.Data.Length, 16);
            for (var i = b.Data.Length - 1; i >= 0; i--)
            {
                fb.PutByte(b.Data[i]);
            }

            data = fb.EndVector();
        }

        fb.StartTable(3);
        if (data is { } d)
        {
            fb.AddOffset(0, d.Value, 0);
        }

        fb.AddUlong(1, b.Offset, 0);
        fb.AddUlong(2, b.Size, 0);
        return fb.EndTable();
    }

    private static int WriteTensor(FlatBufferBuilder fb, TensorSpec t)
    {
        var shape = IntVector(fb, t.Shape);
        var name = fb.CreateString(t.Name);
        var signature = t.Signature is null ? (VectorOffset?)null : IntVector(fb, t.Signature);
        int? quantization = null;
        if (t.QuantizedChannels > 0)
        {
            fb.StartVector(4, t.QuantizedChannels, 4);
            for (var i = 0; i < t.QuantizedChannels; i++)
            {
                fb.PutFloat(0.01f);
            }

            var scales = fb.EndVector();
            fb.StartVector(8, t.QuantizedChannels, 8);
            for (var i = 0; i < t.QuantizedChannels; i++)
            {
                fb.PutLong(0);
            }

            var zeros = fb.EndVector();
            fb.StartTable(7);
            fb.AddOffset(2, scales.Value, 0);
            fb.AddOffset(3, zeros.Value, 0);
            fb.AddInt(6, t.QuantizedChannels > 1 ? 0 : 0, -1);
            quantization = fb.EndTable();
        }

        int? sparsity = null;
        if (t.Sparse)
        {
            var order = IntVector(fb, Enumerable.Range(0, t.Shape.Length).ToArray());
            fb.StartTable(3);
            fb.AddOffset(0, order.Value, 0);
            sparsity = fb.EndTable();
        }

        fb.StartTable(8);
        fb.AddOffset(0, shape.Value, 0);
        fb.AddSbyte(1, t.Type, 0);
        fb.AddUint(2, (uint)t.Buffer, 0);
        fb.AddOffset(3, name.Value, 0);
        if (quantization is { } q)
        {
            fb.AddOffset(4, q, 0);
        }

        fb.AddBool(5, t.Variable, false);
        if (sparsity is { } s)
        {
            fb.AddOffset(6, s, 0);
        }

        if (signature is { } sig)
        {
            fb.AddOffset(7, sig.Value, 0);
        }

        return fb.EndTable();
    }

    private static int WriteOp(FlatBufferBuilder fb, OpSpec o)
    {
        var inputs = IntVector(fb, o.Inputs);
        var outputs = IntVector(fb, o.Outputs);
        int? options = null;
        if (o.Options is { } fields)
        {
            fb.StartTable(fields.Length == 0 ? 0 : fields.Max(f => f.Id) + 1);
            foreach (var (id, width, value) in fields)
            {
                if (width == 1)
                {
                    fb.AddByte(id, (byte)value, 0);
                }
                else
                {
                    fb.AddInt(id, (int)value, 0);
                }
            }

            options = fb.EndTable();
        }

        VectorOffset? custom = null;
        if (o.Custom is { } bytes)
        {
            fb.StartVector(1, bytes.Length, 1);
            for (var i = bytes.Length - 1; i >= 0; i--)
            {
                fb.PutByte(bytes[i]);
            }

            custom = fb.EndVector();
        }

        fb.StartTable(7);
        fb.AddUint(0, (uint)o.Code, 0);
        fb.AddOffset(1, inputs.Value, 0);
        fb.AddOffset(2, outputs.Value, 0);
        if (options is { } opt)
        {
            fb.AddByte(3, o.OptionsType, 0);
            fb.AddOffset(4, opt, 0);
        }

        if (custom is { } c)
        {
            fb.AddOffset(5, c.Value, 0);
        }

        return fb.EndTable();
    }

    private static int WriteCode(FlatBufferBuilder fb, string name)
    {
        var builtin = Codes.TryGetValue(name, out var code);
        var custom = builtin ? (StringOffset?)null : fb.CreateString(name);
        code = builtin ? code : Codes["CUSTOM"];
        fb.StartTable(4);
        fb.AddSbyte(0, (sbyte)Math.Min(code, 127), 0);
        if (custom is { } c)
        {
            fb.AddOffset(1, c.Value, 0);
        }

        fb.AddInt(2, 1, 1);
        fb.AddInt(3, code, 0);
        return fb.EndTable();
    }

    private static int WriteSubgraph(FlatBufferBuilder fb, string name, int[] tensors, int[] inputs, int[] outputs, int[] ops)
    {
        var t = Tables(fb, tensors);
        var i = IntVector(fb, inputs);
        var o = IntVector(fb, outputs);
        var p = Tables(fb, ops);
        var n = fb.CreateString(name);
        fb.StartTable(5);
        fb.AddOffset(0, t.Value, 0);
        fb.AddOffset(1, i.Value, 0);
        fb.AddOffset(2, o.Value, 0);
        fb.AddOffset(3, p.Value, 0);
        fb.AddOffset(4, n.Value, 0);
        return fb.EndTable();
    }

    private static VectorOffset Tables(FlatBufferBuilder fb, int[] tables)
    {
        fb.StartVector(4, tables.Length, 4);
        for (var i = tables.Length - 1; i >= 0; i--)
        {
            fb.AddOffset(tables[i]);
        }

        return fb.EndVector();
    }

    private static VectorOffset IntVector(FlatBufferBuilder fb, int[] values)
    {
        fb.StartVector(4, values.Length, 4);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            fb.AddInt(values[i]);
        }

        return fb.EndVector();
    }

    private sealed record Buf(byte[]? Data, ulong Offset, ulong Size);

    private sealed record TensorSpec(string Name, int[] Shape, sbyte Type, int Buffer, int[]? Signature, int QuantizedChannels, bool Sparse, bool Variable);

    private sealed record OpSpec(int Code, int[] Inputs, int[] Outputs, byte OptionsType, (int Id, int Width, long Value)[]? Options, byte[]? Custom);
}
