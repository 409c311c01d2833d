using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Models.Tflite;

namespace FitCheck.Tests.Tflite;

public sealed class TfliteImportTests : IDisposable
{
    private readonly TfliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void SmallNetworkHasTheHandCountedFigures()
    {
        var model = _files.Load("small.tflite", TfliteModels.SmallConvNet());
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(new Resolution(8, 8), model.DefaultResolution);
        Assert.Equal(778, net.Parameters);
        Assert.Equal(30112, net.Macs);
        Assert.Equal(3128, model.StoredWeightBytes);
        Assert.Equal(Precision.Fp32, model.NativePrecision);
        Assert.Equal(["input", "conv", "dw", "mean", "flatten", "fc", "probabilities"], net.Layers.Select(l => l.Name));
        Assert.Equal(
            [LayerKind.Input, LayerKind.Convolution, LayerKind.Convolution, LayerKind.GlobalAvgPool, LayerKind.View, LayerKind.FullyConnected, LayerKind.Softmax],
            net.Layers.Select(l => l.Kind));
        Assert.Equal(["input", "conv3x3", "dwconv3x3", "mean", "view", "fc", "softmax"], net.Layers.Select(l => l.Kernel));
        Assert.Equal(new TensorShape(1, 16, 8, 8), net.Layers[1].Output);
        Assert.Equal(new TensorShape(1, 16, 4, 4), net.Layers[2].Output);
        Assert.Equal((432, 16), (net.Layers[1].WeightParameters, net.Layers[1].BiasParameters));
        Assert.Equal(0, net.Layers[4].Parameters);
    }

    [Fact]
    public void ManifestAnalysisUsesTheFilesWeightBytesAtItsOwnPrecision()
    {
        var path = _files.Write("small.tflite", TfliteModels.SmallConvNet());
        var source = ModelSourceResolver.Resolve("small.tflite", _files.Directory, null);
        Assert.IsType<TfliteModel>(source);
        var own = Evaluator.Analyze("small", source, source.DefaultResolution, 1, Precision.Fp32, CodeSizeModel.Default);
        Assert.Equal(3128, own.WeightBytes);
        // Another precision is a what-if: estimated from parameters (int8 weights, int32 biases), not read.
        var whatIf = Evaluator.Analyze("small", source, source.DefaultResolution, 1, Precision.Int8, CodeSizeModel.Default);
        Assert.Equal((432 + 144 + 160) + (4 * (16 + 16 + 10)), whatIf.WeightBytes);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Int8ModelReportsInt8AndItsBuffers()
    {
        var model = _files.Load("int8.tflite", TfliteModels.SmallConvNet(type: TfliteWriter.Int8));
        Assert.Equal(Precision.Int8, model.NativePrecision);
        Assert.Equal(Precision.Int8, model.WeightPrecision);
        // int8 weights 432 + 144 + 160, int32 biases 4 · 42, int32 axes and shape 16.
        Assert.Equal(736 + 168 + 16, model.StoredWeightBytes);
        Assert.Contains(model.Notes, n => n.Contains("int8 736") && n.Contains("int32 184"));
    }

    [Fact]
    public void ABufferSharedByTwoTensorsIsCountedOnce()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 4, 4, 8]);
        var buffer = w.Buffer(new byte[8 * 8 * 4]);
        var f1 = w.Tensor("a/filter", [8, 1, 1, 8], buffer: buffer);
        var f2 = w.Tensor("b/filter", [8, 1, 1, 8], buffer: buffer);
        var y1 = w.Tensor("a", [1, 4, 4, 8]);
        var y2 = w.Tensor("b", [1, 4, 4, 8]);
        w.Op("CONV_2D", [x, f1, -1], [y1], TfliteWriter.Conv2DOptions, TfliteWriter.ConvOptions());
        w.Op("CONV_2D", [y1, f2, -1], [y2], TfliteWriter.Conv2DOptions, TfliteWriter.ConvOptions());
        w.Inputs(x);
        w.Outputs(y2);
        var model = _files.Load("shared.tflite", w);
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(2 * 64, net.Parameters);
        Assert.Equal(256, model.StoredWeightBytes);
        Assert.Equal(0, net.Layers[1].BiasParameters);
    }

    [Fact]
    public void Float16WeightsBehindDequantizeAreStoredBytesWithFloat32Activations()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 8, 8, 4]);
        var f16 = w.Constant("filter/fp16", [8, 3, 3, 4], TfliteWriter.Float16);
        var b16 = w.Constant("bias/fp16", [8], TfliteWriter.Float16);
        var f32 = w.Tensor("filter", [8, 3, 3, 4]);
        var b32 = w.Tensor("bias", [8]);
        w.Op("DEQUANTIZE", [f16], [f32]);
        w.Op("DEQUANTIZE", [b16], [b32]);
        var y = w.Tensor("conv", [1, 8, 8, 8]);
        w.Op("CONV_2D", [x, f32, b32], [y], TfliteWriter.Conv2DOptions, TfliteWriter.ConvOptions());
        w.Inputs(x);
        w.Outputs(y);
        var model = _files.Load("fp16.tflite", w);
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(2, net.Layers.Count);
        Assert.Equal(288 + 8, net.Parameters);
        Assert.Equal(2 * (288 + 8), model.StoredWeightBytes);
        Assert.Equal(Precision.Fp32, model.NativePrecision);
        Assert.Equal(Precision.Fp16, model.WeightPrecision);
        Assert.Contains(model.Notes, n => n.Contains("stored as float16") && n.Contains("activations are fp32"));
        var analysis = Evaluator.Analyze("fp16", model, model.DefaultResolution, 1, Precision.Fp32, CodeSizeModel.Default);
        Assert.Equal(592, analysis.WeightBytes);
    }

    [Fact]
    public void PerChannelAndSparseTensorsAreNoted()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 4, 4, 8], TfliteWriter.Int8);
        var f = w.Constant("filter", [16, 1, 1, 8], TfliteWriter.Int8, quantizedChannels: 16);
        var y = w.Tensor("conv", [1, 4, 4, 16], TfliteWriter.Int8);
        w.Op("CONV_2D", [x, f, -1], [y], TfliteWriter.Conv2DOptions, TfliteWriter.ConvOptions());
        // A sparse fully-connected weight: 32 x 16 dense elements, 100 stored bytes.
        var s = w.Constant("fc/sparse", [32, 16], TfliteWriter.Int8, sparse: true, storedBytes: 100);
        var flat = w.Ints("shape", 1, 256);
        var y2 = w.Tensor("flat", [1, 256], TfliteWriter.Int8);
        w.Op("RESHAPE", [y, flat], [y2]);
        var y3 = w.Tensor("fc", [1, 32], TfliteWriter.Int8);
        var fcWeights = w.Constant("fc/weights", [32, 256], TfliteWriter.Int8);
        w.Op("FULLY_CONNECTED", [y2, fcWeights, -1], [y3], TfliteWriter.FullyConnectedOptions, []);
        var y4 = w.Tensor("fc2", [1, 32], TfliteWriter.Int8);
        var reshaped = w.Tensor("fc2/in", [1, 16], TfliteWriter.Int8);
        var sliceBegin = w.Ints("begin", 0, 0);
        var sliceSize = w.Ints("size", 1, 16);
        w.Op("SLICE", [y3, sliceBegin, sliceSize], [reshaped]);
        w.Op("FULLY_CONNECTED", [reshaped, s, -1], [y4], TfliteWriter.FullyConnectedOptions, []);
        w.Inputs(x);
        w.Outputs(y4);
        var model = _files.Load("quant.tflite", w);
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(128 + 8192 + 512, net.Parameters);
        Assert.Equal(128 + 8192 + 100 + 24, model.StoredWeightBytes);
        Assert.Contains(model.Notes, n => n.Contains("1 weight tensors are quantized per channel"));
        Assert.Contains(model.Notes, n => n.Contains("1 constant tensors are sparse"));
    }

    [Fact]
    public void OtherSubgraphsAreNamed()
    {
        var w = TfliteModels.SmallConvNet();
        w.Subgraph("while_cond");
        w.Subgraph("while_body");
        var model = _files.Load("multi.tflite", w);
        Assert.Contains(model.Notes, n => n.Contains("subgraph 0 'main' is the model") && n.Contains("subgraph 1 'while_cond'") && n.Contains("subgraph 2 'while_body'"));
        Assert.Equal(778, model.Build(model.DefaultResolution, 1).Parameters);
    }

    [Fact]
    public void AFixedInputRejectsAnotherResolutionWithAHint()
    {
        var model = _files.Load("fixed.tflite", TfliteModels.SmallConvNet());
        var e = Assert.Throws<FitCheckException>(() => model.Build(new Resolution(16, 16), 1));
        Assert.Equal("FC0202", e.Diagnostic.Id);
        Assert.Contains("fixes the input to 8x8", e.Diagnostic.Message);
        Assert.Contains("use resolution 8x8", e.Diagnostic.Hint);
        var batch = Assert.Throws<FitCheckException>(() => model.Build(new Resolution(8, 8), 4));
        Assert.Contains("fixes the batch size to 1", batch.Diagnostic.Message);
    }

    [Fact]
    public void ADynamicInputFollowsTheResolution()
    {
        var model = _files.Load("dynamic.tflite", TfliteModels.SmallConvNet(inputSignature: [1, -1, -1, 3]));
        var at16 = model.Build(new Resolution(16, 16), 1);
        Assert.Equal(16 * 16 * 16 * 27 + (8 * 8 * 16 * 9) + 160, at16.Macs);
        Assert.Equal(778, at16.Parameters);
        Assert.Equal(new TensorShape(1, 16, 8, 8), at16.Layers[2].Output);
        var wide = model.Build(new Resolution(24, 8), 1);
        Assert.Equal(new TensorShape(1, 16, 8, 24), wide.Layers[1].Output);
        Assert.Equal(30112, model.Build(model.DefaultResolution, 1).Macs);
    }

    [Fact]
    public void TransposedConvolutionLstmAndMatMulCountTheirMacs()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 4, 4, 8]);
        var shape = w.Ints("deconv/shape", 1, 8, 8, 6);
        var f = w.Constant("deconv/filter", [6, 3, 3, 8]);
        var y = w.Tensor("deconv", [1, 8, 8, 6]);
        w.Op("TRANSPOSE_CONV", [shape, f, x], [y], TfliteWriter.TransposeConvOptions, [(0, 1, 0), (1, 4, 2), (2, 4, 2)]);
        var seq = w.Tensor("seq", [1, 64, 6]);
        var seqShape = w.Ints("seq/shape", 1, 64, 6);
        w.Op("RESHAPE", [y, seqShape], [seq]);
        // LSTM with 6 inputs and 5 cells: 4 input-to-gate 5x6, 4 recurrent 5x5, 4 biases of 5.
        int[] gates = [.. Enumerable.Range(0, 4).Select(i => w.Constant($"lstm/w{i}", [5, 6]))];
        int[] recurrent = [.. Enumerable.Range(0, 4).Select(i => w.Constant($"lstm/r{i}", [5, 5]))];
        int[] biases = [.. Enumerable.Range(0, 4).Select(i => w.Constant($"lstm/b{i}", [5]))];
        var hidden = w.Tensor("lstm/h", [1, 5], variable: true);
        var cell = w.Tensor("lstm/c", [1, 5], variable: true);
        var lstm = w.Tensor("lstm", [1, 64, 5]);
        w.Op("UNIDIRECTIONAL_SEQUENCE_LSTM", [seq, .. gates, .. recurrent, -1, -1, -1, .. biases, -1, -1, hidden, cell], [lstm]);
        var m = w.Constant("matmul/b", [5, 3]);
        var z = w.Tensor("matmul", [1, 64, 3]);
        w.Op("BATCH_MATMUL", [lstm, m], [z], TfliteWriter.BatchMatMulOptions, []);
        w.Inputs(x);
        w.Outputs(z);
        var net = _files.Load("seq.tflite", w).Build(new Resolution(4, 4), 1);
        Assert.Equal(4 * 4 * 8 * 6 * 3 * 3, net.Layers[1].Macs);
        Assert.Equal(64 * ((4 * 30) + (4 * 25)), net.Layers[3].Macs);
        Assert.Equal((4 * 55, 20), (net.Layers[3].WeightParameters, net.Layers[3].BiasParameters));
        Assert.Equal(64 * 3 * 5, net.Layers[4].Macs);
        Assert.Equal(LayerKind.ConvTranspose, net.Layers[1].Kind);
        Assert.Equal(432, net.Layers[1].WeightParameters);
    }

    [Fact]
    public void EdgeTpuExecutableIsReportedAsCompiledWeights()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 224, 224, 3], TfliteWriter.UInt8);
        var y = w.Tensor("output", [1, 1001], TfliteWriter.UInt8);
        w.Op("edgetpu-custom-op", [x], [y], customOptions: new byte[5000]);
        w.Inputs(x);
        w.Outputs(y);
        var model = _files.Load("mobilenet_edgetpu.tflite", w);
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(5000, model.StoredWeightBytes);
        Assert.Equal(0, net.Macs);
        Assert.Contains(model.Notes, n => n.Contains("already compiled for the Edge TPU") && n.Contains("5000 bytes") && n.Contains("before edgetpu_compiler"));
    }

    [Fact]
    public void DetectionPostProcessIsBoundedByItsAttributes()
    {
        var w = new TfliteWriter();
        var boxes = w.Tensor("boxes", [1, 100, 4]);
        var scores = w.Tensor("scores", [1, 100, 91]);
        var anchors = w.Constant("anchors", [100, 4]);
        int[] outs = [w.Tensor("det/boxes", [1, 10, 4]), w.Tensor("det/classes", [1, 10]), w.Tensor("det/scores", [1, 10]), w.Tensor("det/count", [1])];
        // A FlexBuffer map {"max_detections": 10}, written out byte by byte (see FlexBufferMap for the layout).
        byte[] options = [.. "max_detections"u8, 0, 1, 16, 1, 1, 1, 10, 4, 2, 36, 1];
        w.Op("TFLite_Detection_PostProcess", [boxes, scores, anchors], outs, customOptions: options);
        w.Inputs(boxes, scores);
        w.Outputs(outs);
        var model = _files.Load("ssd_postprocess.tflite", w);
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(LayerKind.Detection, net.Layers[^1].Kind);
        Assert.Equal(40 + 10 + 10 + 1, net.Layers[^1].Output.Elements);
        Assert.Equal(0, net.Layers[^1].Parameters);
        Assert.Contains(model.Notes, n => n.Contains("max_detections 10"));
        Assert.Equal(1600, model.StoredWeightBytes);
    }

    [Fact]
    public void BuffersAfterTheFlatBufferAreLocatedByOffsetAndSize()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 4, 4, 8]);
        var y = w.Tensor("conv", [1, 4, 4, 8]);
        w.Tail = new byte[4096];
        var probe = w.ToBytes().Length - 4096;
        // The offset is fixed after a first layout: the tail starts where the FlatBuffer ends, and adding the buffer grows it.
        var external = w.ExternalBuffer(1, 256);
        var f = w.Tensor("filter", [8, 1, 1, 8], buffer: external);
        w.Op("CONV_2D", [x, f, -1], [y], TfliteWriter.Conv2DOptions, TfliteWriter.ConvOptions());
        w.Inputs(x);
        w.Outputs(y);
        var flatLength = w.ToBytes().Length - 4096;
        Assert.True(flatLength > probe);
        var bytes = w.ToBytes();
        var path = _files.Write("large.tflite", PatchExternalOffset(bytes, (ulong)flatLength));
        var model = TfliteModel.Load(path);
        Assert.Equal(256, model.StoredWeightBytes);
        Assert.Equal(64, model.Build(model.DefaultResolution, 1).Parameters);
        var beyond = _files.Write("beyond.tflite", PatchExternalOffset(bytes, (ulong)bytes.Length - 100));
        var e = Assert.Throws<FitCheckException>(() => TfliteModel.Load(beyond));
        Assert.Equal("FC0803", e.Diagnostic.Id);
    }

    [Fact]
    public void UnsupportedOperatorsAreNamedWithASuggestion()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 10]);
        var k = w.Ints("k", 3);
        int[] outs = [w.Tensor("values", [1, 3]), w.Tensor("indices", [1, 3], TfliteWriter.Int32)];
        w.Op("TOPK_V2", [x, k], outs);
        w.Inputs(x);
        w.Outputs(outs);
        var e = Assert.Throws<FitCheckException>(() => _files.Load("topk.tflite", w));
        Assert.Equal("FC0808", e.Diagnostic.Id);
        Assert.Contains("'TOPK_V2'", e.Diagnostic.Message);
        Assert.Contains("at byte", e.Diagnostic.Message);
    }

    [Fact]
    public void EveryOperatorRowHasAUniqueNameAndAKnownBuiltinCode()
    {
        var names = TfliteOperators.All.Select(o => o.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        var builtins = Enumerable.Range(0, 160).Select(TfliteOperators.BuiltinName).ToHashSet();
        string[] custom = [TfliteOperators.DetectionPostProcess, "Convolution2DTransposeBias", "MaxPoolingWithArgmax2D", "MaxUnpooling2D", TfliteOperators.EdgeTpu, TfliteOperators.EthosU];
        Assert.All(names, n => Assert.True(builtins.Contains(n) || custom.Contains(n), n));
        Assert.Equal(59, names.Count - custom.Length);
    }

    /// <summary>Rewrites the one Buffer.offset field holding the placeholder 1 with <paramref name="offset"/>.</summary>
    private static byte[] PatchExternalOffset(byte[] bytes, ulong offset)
    {
        var copy = (byte[])bytes.Clone();
        var placeholder = BitConverter.GetBytes(1UL);
        var size = BitConverter.GetBytes(256UL);
        for (var i = 0; i + 16 <= copy.Length; i++)
        {
            // The builder lays the two ulong fields out in either order.
            if (copy.AsSpan(i, 8).SequenceEqual(placeholder) && copy.AsSpan(i + 8, 8).SequenceEqual(size))
            {
                BitConverter.GetBytes(offset).CopyTo(copy, i);
                return copy;
            }

            if (copy.AsSpan(i, 8).SequenceEqual(size) && copy.AsSpan(i + 8, 8).SequenceEqual(placeholder))
            {
                BitConverter.GetBytes(offset).CopyTo(copy, i + 8);
                return copy;
            }
        }

        throw new InvalidOperationException("no external buffer offset found");
    }
}
