using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

public sealed class OnnxImportTests : IDisposable
{
    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>3x3 conv, 3 → 16 channels, pad 1, with bias, on a dynamic N x 3 x H x W input.</summary>
    private static OnnxWriter ConvWithBias() => new OnnxWriter()
        .Input("x", "N", 3L, "H", "W")
        .Initializer("w", [16, 3, 3, 3])
        .Initializer("b", [16])
        .Node("Conv", ["x", "w", "b"], ["y"], "conv1", OnnxAttr.Ints("kernel_shape", 3, 3), OnnxAttr.Ints("pads", 1, 1, 1, 1))
        .Output("y", "N", 16L, "H", "W");

    [Fact]
    public void AConvWithBiasCountsWeightsPlusBiasLikeTheBuilder()
    {
        var net = _files.Load("conv.onnx", ConvWithBias()).Build(new Resolution(32, 32), 1);
        var conv = net.Layers[1];
        Assert.Equal("conv1", conv.Name);
        Assert.Equal(16L * 3 * 3 * 3, conv.WeightParameters);
        Assert.Equal(16L, conv.BiasParameters);
        Assert.Equal(448L, net.Parameters);
        Assert.Equal(32L * 32 * 16 * 27, net.Macs);
        Assert.Equal(new TensorShape(1, 16, 32, 32), conv.Output);
    }

    [Fact]
    public void DynamicDimsTakeTheBatchAndResolution()
    {
        var net = _files.Load("conv.onnx", ConvWithBias()).Build(new Resolution(64, 48), 2);
        Assert.Equal(new TensorShape(2, 3, 48, 64), net.Input);
        Assert.Equal(new TensorShape(2, 16, 48, 64), net.Layers[1].Output);
        Assert.Equal(2L * 48 * 64 * 16 * 27, net.Macs);
    }

    [Fact]
    public void ZeroDimValuesAreDynamicToo()
    {
        var w = new OnnxWriter().Input("x", 0L, 3L, 0L, 0L).Initializer("w", [4, 3, 1, 1])
            .Node("Conv", ["x", "w"], ["y"], "c").Output("y", 0L, 4L, 0L, 0L);
        var net = _files.Load("zero.onnx", w).Build(new Resolution(10, 20), 3);
        Assert.Equal(new TensorShape(3, 4, 20, 10), net.Layers[1].Output);
    }

    [Fact]
    public void FixedDimsThatDisagreeWithTheResolutionAreInvalidResolution()
    {
        var w = new OnnxWriter().Input("x", 1L, 3L, 224L, 224L).Initializer("w", [4, 3, 1, 1])
            .Node("Conv", ["x", "w"], ["y"], "c").Output("y", 1L, 4L, 224L, 224L);
        var model = _files.Load("fixed.onnx", w);
        Assert.Equal(new Resolution(224, 224), model.DefaultResolution);
        Assert.Equal(new TensorShape(1, 4, 224, 224), model.Build(new Resolution(224, 224), 1).Layers[1].Output);
        var ex = Assert.Throws<FitCheckException>(() => model.Build(new Resolution(320, 320), 1));
        Assert.Equal("FC0202", ex.Diagnostic.Id);
        Assert.Contains("224x224", ex.Diagnostic.Message);
        var batch = Assert.Throws<FitCheckException>(() => model.Build(new Resolution(224, 224), 4));
        Assert.Equal("FC0202", batch.Diagnostic.Id);
    }

    [Fact]
    public void BatchNormAfterAConvIsFoldedIntoItsBias()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W").Initializer("w", [8, 3, 3, 3])
            .Initializer("s", [8]).Initializer("bb", [8]).Initializer("m", [8]).Initializer("v", [8])
            .Node("Conv", ["x", "w"], ["c"], "conv", OnnxAttr.Ints("pads", 1, 1, 1, 1))
            .Node("BatchNormalization", ["c", "s", "bb", "m", "v"], ["y"], "bn")
            .Node("Relu", ["y"], ["z"], "relu")
            .Output("z", "N", 8L, "H", "W");
        var net = _files.Load("bn.onnx", w).Build(new Resolution(16, 16), 1);
        Assert.Equal(3, net.Layers.Count); // input, conv (BN folded), relu
        Assert.Equal(8L * 27, net.Layers[1].WeightParameters);
        Assert.Equal(8L, net.Layers[1].BiasParameters);
        Assert.Equal(LayerKind.Activation, net.Layers[2].Kind);
        Assert.Equal("relu", net.Layers[2].Activation);
    }

    [Fact]
    public void BatchNormElsewhereIsAPerChannelAffine()
    {
        var w = new OnnxWriter().Input("x", "N", 4L, "H", "W")
            .Initializer("s", [4]).Initializer("bb", [4]).Initializer("m", [4]).Initializer("v", [4])
            .Node("Add", ["x", "x"], ["a"], "add")
            .Node("BatchNormalization", ["a", "s", "bb", "m", "v"], ["y"], "bn")
            .Output("y", "N", 4L, "H", "W");
        var net = _files.Load("bn2.onnx", w).Build(new Resolution(8, 8), 1);
        Assert.Equal(LayerKind.Normalization, net.Layers[2].Kind);
        Assert.Equal(4L, net.Layers[2].WeightParameters);
        Assert.Equal(4L, net.Layers[2].BiasParameters);
    }

    [Fact]
    public void FlattenAndGemmMakeAFullyConnectedLayer()
    {
        var w = new OnnxWriter().Input("x", "N", 16L, 2L, 2L)
            .Initializer("fc.w", [10, 64]).Initializer("fc.b", [10])
            .Node("Flatten", ["x"], ["f"], "flat", OnnxAttr.Int("axis", 1))
            .Node("Gemm", ["f", "fc.w", "fc.b"], ["y"], "fc", OnnxAttr.Int("transB", 1))
            .Output("y", "N", 10L);
        var model = _files.Load("fc.onnx", w);
        Assert.Equal(new Resolution(2, 2), model.DefaultResolution);
        var net = model.Build(new Resolution(2, 2), 4);
        Assert.Equal(LayerKind.View, net.Layers[1].Kind);
        Assert.Equal(new TensorShape(4, 64, 1, 1), net.Layers[1].Output);
        Assert.Equal(LayerKind.FullyConnected, net.Layers[2].Kind);
        Assert.Equal(650L, net.Parameters);
        Assert.Equal(4L * 64 * 10, net.Macs);
        Assert.Equal(new TensorShape(4, 10, 1, 1), net.Layers[2].Output);
    }

    [Fact]
    public void MatMulWithAnInitializerIsATokenWiseLinearLayer()
    {
        // N x 197 tokens x 768 features times 768 x 3072: ViT's MLP expansion.
        var w = new OnnxWriter().Input("x", "N", 197L, 768L).Initializer("w", [768, 3072]).Initializer("b", [3072])
            .Node("MatMul", ["x", "w"], ["m"], "fc1").Node("Add", ["m", "b"], ["y"], "bias").Output("y", "N", 197L, 3072L);
        var net = _files.Load("mm.onnx", w).Build(new Resolution(224, 224), 1);
        Assert.Equal(768L * 3072, net.Layers[1].WeightParameters);
        Assert.Equal(197L * 768 * 3072, net.Layers[1].Macs);
        Assert.Equal(3072L, net.Layers[2].BiasParameters);
        Assert.Equal(768L * 3072 + 3072, net.Parameters);
        Assert.Equal(new TensorShape(1, 197, 3072, 1), net.Layers[2].Output);
    }

    [Fact]
    public void MatMulOfTwoActivationsHasMacsButNoWeights()
    {
        var w = new OnnxWriter().Input("x", "N", 4L, 8L)
            .Node("Transpose", ["x"], ["t"], "t", OnnxAttr.Ints("perm", 0, 2, 1))
            .Node("MatMul", ["x", "t"], ["y"], "scores").Output("y", "N", 4L, 4L);
        var net = _files.Load("att.onnx", w).Build(new Resolution(224, 224), 1);
        Assert.Equal(LayerKind.Copy, net.Layers[1].Kind);
        Assert.Equal(LayerKind.MatMul, net.Layers[2].Kind);
        Assert.Equal(4L * 8 * 4, net.Layers[2].Macs);
        Assert.Equal(0L, net.Parameters);
    }

    [Fact]
    public void ABinaryOpWithAnInitializerIsElementwiseWithThatConstant()
    {
        var w = new OnnxWriter().Input("x", "N", 16L, "H", "W").Initializer("shift", [1, 16, 1, 1]).Initializer("scale", [16, 1, 1])
            .Node("Add", ["x", "shift"], ["a"], "add").Node("Mul", ["scale", "a"], ["y"], "mul").Output("y", "N", 16L, "H", "W");
        var net = _files.Load("ew.onnx", w).Build(new Resolution(8, 8), 1);
        Assert.Equal(LayerKind.Add, net.Layers[1].Kind);
        Assert.Equal(16L, net.Layers[1].BiasParameters);
        Assert.Equal(LayerKind.Mul, net.Layers[2].Kind);
        Assert.Equal(16L, net.Layers[2].WeightParameters);
        Assert.Equal(new TensorShape(1, 16, 8, 8), net.Layers[2].Output);
        Assert.True(net.Layers[2].CanRunInPlace);
    }

    [Fact]
    public void SameUpperPaddingWithStrideTwoHalvesTheInputRoundingUp()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W").Initializer("w", [8, 3, 3, 3])
            .Node("Conv", ["x", "w"], ["y"], "c", OnnxAttr.String("auto_pad", "SAME_UPPER"), OnnxAttr.Ints("strides", 2, 2))
            .Output("y", "N", 8L, "H", "W");
        var net = _files.Load("same.onnx", w).Build(new Resolution(15, 15), 1);
        Assert.Equal(new TensorShape(1, 8, 8, 8), net.Layers[1].Output); // ceil(15 / 2)
    }

    [Fact]
    public void PoolingFollowsTheOnnxFormulasIncludingCeilMode()
    {
        var w = new OnnxWriter().Input("x", "N", 8L, "H", "W")
            .Node("MaxPool", ["x"], ["p"], "pool", OnnxAttr.Ints("kernel_shape", 3, 3), OnnxAttr.Ints("strides", 2, 2), OnnxAttr.Int("ceil_mode", 1))
            .Node("AveragePool", ["p"], ["q"], "avg", OnnxAttr.Ints("kernel_shape", 2, 2), OnnxAttr.Ints("strides", 2, 2))
            .Node("GlobalAveragePool", ["q"], ["g"], "gap")
            .Output("g", "N", 8L, 1L, 1L);
        var net = _files.Load("pool.onnx", w).Build(new Resolution(56, 56), 1);
        Assert.Equal(new TensorShape(1, 8, 28, 28), net.Layers[1].Output); // ceil((56 - 3) / 2) + 1 = 28
        Assert.Equal(new TensorShape(1, 8, 14, 14), net.Layers[2].Output);
        Assert.Equal(new TensorShape(1, 8, 1, 1), net.Layers[3].Output);
        Assert.Equal(LayerKind.GlobalAvgPool, net.Layers[3].Kind);
    }

    [Fact]
    public void ResizeTakesItsScaleFromTheScalesInitializer()
    {
        var w = new OnnxWriter().Input("x", "N", 4L, "H", "W").Floats("scales", 1, 1, 2, 2)
            .Node("Resize", ["x", "", "scales"], ["y"], "up", OnnxAttr.String("mode", "nearest"))
            .Output("y", "N", 4L, "H", "W");
        var net = _files.Load("resize.onnx", w).Build(new Resolution(13, 13), 1);
        Assert.Equal(LayerKind.Upsample, net.Layers[1].Kind);
        Assert.Equal(new TensorShape(1, 4, 26, 26), net.Layers[1].Output);
    }

    [Fact]
    public void ConcatSplitSliceReshapeSqueezeAndSoftmaxGetOnnxShapes()
    {
        var w = new OnnxWriter().Input("x", "N", 6L, "H", "W")
            .Int64s("parts", 2, 4).Int64s("starts", 1).Int64s("ends", 3).Int64s("axes", 1).Int64s("shape", 0, -1).Int64s("sq", 2, 3)
            .Node("Split", ["x", "parts"], ["a", "b"], "split", OnnxAttr.Int("axis", 1))
            .Node("Concat", ["b", "a", "x"], ["c"], "cat", OnnxAttr.Int("axis", 1))
            .Node("Slice", ["c", "starts", "ends", "axes"], ["s"], "slice")
            .Node("GlobalAveragePool", ["s"], ["g"], "gap")
            .Node("Squeeze", ["g", "sq"], ["q"], "squeeze")
            .Node("Reshape", ["q", "shape"], ["r"], "reshape")
            .Node("Softmax", ["r"], ["y"], "softmax", OnnxAttr.Int("axis", 1))
            .Output("y", "N", 2L);
        var net = _files.Load("tensors.onnx", w).Build(new Resolution(5, 4), 1);
        var byName = net.Layers.ToDictionary(l => l.Name);
        Assert.Equal(new TensorShape(1, 2, 4, 5), byName["split:0"].Output);
        Assert.Equal(new TensorShape(1, 4, 4, 5), byName["split:1"].Output);
        Assert.Equal(new TensorShape(1, 12, 4, 5), byName["cat"].Output);
        Assert.Equal(LayerKind.Concat, byName["cat"].Kind);
        Assert.Equal(new TensorShape(1, 2, 4, 5), byName["slice"].Output);
        Assert.Equal(LayerKind.Copy, byName["slice"].Kind);
        Assert.Equal(new TensorShape(1, 2, 1, 1), byName["squeeze"].Output);
        Assert.Equal(LayerKind.View, byName["reshape"].Kind);
        Assert.Equal(LayerKind.Softmax, byName["softmax"].Kind);
        Assert.Equal(0L, net.Parameters);
    }

    [Fact]
    public void PyTorchStyleShapeArithmeticIsFoldedAtBuildTime()
    {
        // x.view(x.size(0), -1): Shape -> Gather(0) -> Unsqueeze -> Concat with [-1] -> Reshape.
        var w = new OnnxWriter().Input("x", "N", 8L, "H", "W").Int64s("minus1", -1).Int64s("axes0", 0)
            .Node("Constant", [], ["zero"], "zero", OnnxAttr.Tensor("value", [], 0))
            .Node("Shape", ["x"], ["shape"], "shape")
            .Node("Gather", ["shape", "zero"], ["n"], "gather")
            .Node("Unsqueeze", ["n", "axes0"], ["n1"], "unsqueeze")
            .Node("Concat", ["n1", "minus1"], ["target"], "target", OnnxAttr.Int("axis", 0))
            .Node("Reshape", ["x", "target"], ["y"], "flatten")
            .Output("y", "N", 128L);
        var net = _files.Load("shape.onnx", w).Build(new Resolution(4, 4), 3);
        Assert.Equal(2, net.Layers.Count);
        Assert.Equal(new TensorShape(3, 128, 1, 1), net.Layers[1].Output);
    }

    [Fact]
    public void ClipZeroToSixIsRelu6AndActivationsRunInPlace()
    {
        var w = new OnnxWriter { Opset = 13 }.Input("x", "N", 4L, "H", "W").Floats("lo", 0).Floats("hi", 6)
            .Node("Clip", ["x", "lo", "hi"], ["a"], "clip").Node("HardSwish", ["a"], ["b"], "hs").Node("LeakyRelu", ["b"], ["y"], "lr")
            .Output("y", "N", 4L, "H", "W");
        var net = _files.Load("act.onnx", w).Build(new Resolution(4, 4), 1);
        Assert.Equal(["relu6", "hardswish", "leaky"], net.Layers.Skip(1).Select(l => l.Activation));
        Assert.All(net.Layers.Skip(1), l => Assert.True(l.CanRunInPlace));
    }

    [Fact]
    public void QdqModelsHaveInt8WeightsBehindDequantizeLinear()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W")
            .Initializer("wq", [8, 3, 3, 3], OnnxWriter.Int8).Floats("ws", 0.1f).Initializer("wz", [], OnnxWriter.Int8)
            .Floats("xs", 0.1f).Initializer("xz", [], OnnxWriter.UInt8).Initializer("b", [8], OnnxWriter.Int32)
            .Node("QuantizeLinear", ["x", "xs", "xz"], ["xq"], "q")
            .Node("DequantizeLinear", ["xq", "xs", "xz"], ["xd"], "dq")
            .Node("DequantizeLinear", ["wq", "ws", "wz"], ["wd"], "wdq")
            .Node("Conv", ["xd", "wd", "b"], ["y"], "conv", OnnxAttr.Ints("pads", 1, 1, 1, 1))
            .Output("y", "N", 8L, "H", "W");
        var model = _files.Load("qdq.onnx", w);
        Assert.Equal(Precision.Int8, model.WeightPrecision);
        var net = model.Build(new Resolution(8, 8), 1);
        Assert.Equal(LayerKind.View, net.Layers[1].Kind);
        Assert.Equal("quantize", net.Layers[1].Kernel);
        Assert.Equal("dequantize", net.Layers[2].Kernel);
        Assert.Equal(8L * 27 + 8, net.Parameters);
    }

    [Fact]
    public void QLinearConvTakesWeightsAndBiasFromItsInitializers()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W")
            .Floats("s", 0.1f).Initializer("z", [], OnnxWriter.UInt8)
            .Initializer("w", [16, 3, 1, 1], OnnxWriter.UInt8).Initializer("b", [16], OnnxWriter.Int32)
            .Node("QLinearConv", ["x", "s", "z", "w", "s", "z", "s", "z", "b"], ["y"], "qconv")
            .Output("y", "N", 16L, "H", "W");
        var model = _files.Load("qlinear.onnx", w);
        Assert.Equal(Precision.Int8, model.WeightPrecision);
        var net = model.Build(new Resolution(10, 10), 1);
        Assert.Equal(48L, net.Layers[1].WeightParameters);
        Assert.Equal(16L, net.Layers[1].BiasParameters);
        Assert.Equal(100L * 48, net.Macs);
    }

    [Fact]
    public void WeightPrecisionFollowsTheInitializerTypes()
    {
        var fp16 = new OnnxWriter().Input("x", "N", 3L, "H", "W").Initializer("w", [8, 3, 3, 3], OnnxWriter.Float16)
            .Node("Conv", ["x", "w"], ["y"], "c").Output("y", "N", 8L, "H", "W");
        Assert.Equal(Precision.Fp16, _files.Load("fp16.onnx", fp16).WeightPrecision);
        Assert.Equal(Precision.Fp32, _files.Load("fp32.onnx", ConvWithBias()).WeightPrecision);
        var none = new OnnxWriter().Input("x", "N", 3L, "H", "W").Node("Relu", ["x"], ["y"], "r").Output("y", "N", 3L, "H", "W");
        Assert.Null(_files.Load("none.onnx", none).WeightPrecision);
    }

    [Fact]
    public void ExternalInitializersAreCountedFromTheirDimsAlone()
    {
        var w = new OnnxWriter().Input("x", "N", 64L, "H", "W").External("w", [128, 64, 3, 3]).External("b", [128])
            .Node("Conv", ["x", "w", "b"], ["y"], "c", OnnxAttr.Ints("pads", 1, 1, 1, 1)).Output("y", "N", 128L, "H", "W");
        var net = _files.Load("external.onnx", w).Build(new Resolution(7, 7), 1);
        Assert.Equal(128L * 64 * 9 + 128, net.Parameters);
    }

    [Fact]
    public void PackedAndUnpackedRepeatedFieldsReadTheSame()
    {
        var packed = ConvWithBias();
        packed.PackedInts = true;
        var a = _files.Load("packed.onnx", packed).Build(new Resolution(9, 9), 1);
        var b = _files.Load("unpacked.onnx", ConvWithBias()).Build(new Resolution(9, 9), 1);
        Assert.Equal(b.Parameters, a.Parameters);
        Assert.Equal(b.Macs, a.Macs);
        Assert.Equal(448L, a.Parameters);
    }

    [Fact]
    public void AGraphAttributeIsReadAsABodyAndACorruptOneIsLocated()
    {
        // Bodies of If/Loop/Scan are parsed like the main graph; on an operator that has none, a body is ignored.
        var body = new OnnxWriter().Input("x", "N", 3L).Node("Relu", ["x"], ["y"], "r").Output("y", "N", 3L).GraphBytes();
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W").Initializer("w", [4, 3, 1, 1])
            .Node("Conv", ["x", "w"], ["y"], "c", OnnxAttr.Graph("then_branch", body))
            .Output("y", "N", 4L, "H", "W");
        Assert.Equal(12L, _files.Load("subgraph.onnx", w).Build(new Resolution(2, 2), 1).Parameters);

        var corrupt = new OnnxWriter().Input("x", "N", 3L, "H", "W").Initializer("w", [4, 3, 1, 1])
            .Node("Conv", ["x", "w"], ["y"], "c", OnnxAttr.Graph("then_branch", [0xFF, 0xFF, 0xFF]))
            .Output("y", "N", 4L, "H", "W");
        var ex = Assert.Throws<FitCheckException>(() => OnnxModel.Load(_files.Write("corrupt-body.onnx", corrupt)));
        Assert.StartsWith("FC05", ex.Diagnostic.Id);
        Assert.Contains("byte", ex.Diagnostic.Message);
    }

    [Fact]
    public void WeightPayloadsAreSkippedNotCopied()
    {
        // 4 x 1024 x 1024 fp32 weights: a 16 MB file that must import in a small, fixed amount of memory.
        var w = new OnnxWriter().Input("x", "N", 1024L, "H", "W");
        for (var i = 0; i < 4; i++)
        {
            w.Initializer($"w{i}", [1024, 1024, 1, 1]).Node("Conv", [i == 0 ? "x" : $"y{i - 1}", $"w{i}"], [$"y{i}"], $"conv{i}");
        }

        var path = _files.Write("big.onnx", w.Output("y3", "N", 1024L, "H", "W"));
        Assert.True(new FileInfo(path).Length > 16L << 20);
        OnnxModel.Load(path);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var model = OnnxModel.Load(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1L << 20, $"allocated {allocated} bytes");
        Assert.Equal(4L << 20, model.Build(new Resolution(1, 1), 1).Parameters);
    }

    [Fact]
    public void ModelNameIsTheFileNameAndDefaultResolutionIs224ForDynamicInputs()
    {
        var model = _files.Load("my-model.onnx", ConvWithBias());
        Assert.Equal("my-model", model.Name);
        Assert.Equal(new Resolution(224, 224), model.DefaultResolution);
        Assert.Equal("N x 3 x H x W", model.InputSignature);
    }

    [Fact]
    public void ResolverLoadsOnnxFiles()
    {
        var path = _files.Write("resolved.onnx", ConvWithBias());
        var model = FitCheck.Models.ModelSourceResolver.Resolve(Path.GetFileName(path), Path.GetDirectoryName(path)!, null);
        Assert.IsType<OnnxModel>(model);
    }
}
