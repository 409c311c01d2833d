using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

/// <summary>
/// The graph shapes exporters emit (PyTorch, tf2onnx, paddle2onnx, onnxruntime's quantizer), each with
/// hand-counted parameters and MACs: decomposed LayerNorm, flatten through Shape/Gather/Concat, Pad before
/// Conv, Resize with sizes computed from Shape, LSTM with state inputs, keep_initializers_as_inputs,
/// dynamic quantization, embeddings, Gemm with transA, 3-D convolution, and inputs pinned by name.
/// </summary>
public sealed class OnnxExporterPatternTests : IDisposable
{
    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>x [N, 10, 16]: mean/var over the last axis, (x-mean)/sqrt(var+eps)*gamma+beta, as torch exports LayerNorm before opset 17.</summary>
    internal static OnnxWriter DecomposedLayerNorm() => new OnnxWriter().Input("x", "N", 10L, 16L)
        .Floats("two", 2f).Floats("eps", 1e-5f).Initializer("gamma", [16]).Initializer("beta", [16])
        .Node("ReduceMean", ["x"], ["mean"], "/ln/ReduceMean", OnnxAttr.Ints("axes", -1))
        .Node("Sub", ["x", "mean"], ["d"], "/ln/Sub")
        .Node("Pow", ["d", "two"], ["sq"], "/ln/Pow")
        .Node("ReduceMean", ["sq"], ["var"], "/ln/ReduceMean_1", OnnxAttr.Ints("axes", -1))
        .Node("Add", ["var", "eps"], ["ve"], "/ln/Add")
        .Node("Sqrt", ["ve"], ["sd"], "/ln/Sqrt")
        .Node("Div", ["d", "sd"], ["n"], "/ln/Div")
        .Node("Mul", ["n", "gamma"], ["g"], "/ln/Mul")
        .Node("Add", ["g", "beta"], ["y"], "/ln/Add_1")
        .Output("y", "N", 10L, 16L);

    [Fact]
    public void DecomposedLayerNormCountsGammaBetaAndItsScalarsOnce()
    {
        var net = _files.Load("ln.onnx", DecomposedLayerNorm()).Build(new Resolution(16, 1), 2);
        Assert.Equal(16 + 16 + 1 + 1, net.Parameters); // gamma, beta, the exponent 2 and eps
        Assert.Equal(new TensorShape(2, 10, 16, 1), net.Layers[^1].Output);
        Assert.Equal(0, net.Macs);
    }

    [Fact]
    public void FlattenThroughShapeGatherConcatFollowsTheBatch()
    {
        // torch's x.view(x.size(0), -1) before a classifier: the Reshape target is folded at the requested batch.
        var w = new OnnxWriter().Input("x", "N", 8L, "H", "W").Initializer("w", [10, 512]).Initializer("b", [10])
            .Int64s("zero", 0).Int64s("minus1", -1)
            .Node("Shape", ["x"], ["s"], "/Shape").Node("Gather", ["s", "zero"], ["n"], "/Gather", OnnxAttr.Int("axis", 0))
            .Node("Concat", ["n", "minus1"], ["t"], "/Concat", OnnxAttr.Int("axis", 0)).Node("Reshape", ["x", "t"], ["f"], "/Reshape")
            .Node("Gemm", ["f", "w", "b"], ["y"], "/fc/Gemm", OnnxAttr.Int("transB", 1)).Output("y", "N", 10L);
        var net = _files.Load("flatten.onnx", w).Build(new Resolution(8, 8), 3);
        Assert.Equal(new TensorShape(3, 10, 1, 1), net.Layers[^1].Output);
        Assert.Equal(5120 + 10, net.Parameters);
        Assert.Equal(3L * 512 * 10, net.Macs);
    }

    [Fact]
    public void PadBeforeConvWidensTheConvolutionsInput()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W").Int64s("pads", 0, 0, 2, 2, 0, 0, 2, 2).Initializer("w", [8, 3, 5, 5])
            .Node("Pad", ["x", "pads"], ["p"], "/Pad", OnnxAttr.String("mode", "reflect"))
            .Node("Conv", ["p", "w"], ["y"], "/conv/Conv").Output("y", "N", 8L, "H", "W");
        var net = _files.Load("pad.onnx", w).Build(new Resolution(32, 32), 1);
        Assert.Equal(new TensorShape(1, 3, 36, 36), net.Layers[1].Output);
        Assert.Equal(new TensorShape(1, 8, 32, 32), net.Layers[2].Output);
        Assert.Equal(32L * 32 * 8 * 3 * 25, net.Macs);
    }

    [Fact]
    public void ResizeToSizesComputedFromAnotherTensorsShape()
    {
        // FPN top-down path: upsample the coarse map to the fine map's H x W, taken from Shape at run time.
        var w = new OnnxWriter().Input("x", "N", 4L, "H", "W").Initializer("w", [4, 4, 3, 3]).Int64s("hw_start", 2).Int64s("hw_end", 4)
            .Int64s("nc", 1, 4)
            .Node("Conv", ["x", "w"], ["c"], "/down", OnnxAttr.Ints("strides", 2, 2), OnnxAttr.Ints("pads", 1, 1, 1, 1))
            .Node("Shape", ["x"], ["s"], "/Shape").Node("Slice", ["s", "hw_start", "hw_end"], ["hw"], "/Slice")
            .Node("Concat", ["nc", "hw"], ["sizes"], "/Concat", OnnxAttr.Int("axis", 0))
            .Node("Resize", ["c", "", "", "sizes"], ["u"], "/Resize").Node("Add", ["u", "x"], ["y"], "/Add").Output("y", "N", 4L, "H", "W");
        var net = _files.Load("resize.onnx", w).Build(new Resolution(40, 30), 1);
        Assert.Equal(new TensorShape(1, 4, 15, 20), net.Layers[1].Output);
        Assert.Equal(new TensorShape(1, 4, 30, 40), net.Layers[2].Output);
    }

    /// <summary>A streaming LSTM: audio features [1, N, 40] and states h, c [1, N, 64] as graph inputs, as silero-style models export.</summary>
    internal static OnnxWriter LstmWithStates() => new OnnxWriter().Input("x", 1L, "N", 40L).Input("h", 1L, "N", 64L).Input("c", 1L, "N", 64L)
        .Initializer("W", [1, 256, 40]).Initializer("R", [1, 256, 64]).Initializer("B", [1, 512])
        .Node("LSTM", ["x", "W", "R", "B", "", "h", "c"], ["y", "hn", "cn"], "/rnn/LSTM", OnnxAttr.Int("hidden_size", 64))
        .Output("y", 1L, 1L, "N", 64L).Output("hn", 1L, "N", 64L).Output("cn", 1L, "N", 64L);

    [Fact]
    public void AnLstmWithStateInputsCountsGatesTimesHiddenTimesInputPlusHidden()
    {
        var model = _files.Load("lstm.onnx", LstmWithStates());
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(3, net.Layers.Count(l => l.Kind == LayerKind.Input));
        Assert.Equal((256 * 40) + (256 * 64) + 512, net.Parameters);
        Assert.Equal(4L * 64 * (40 + 64), net.Macs);
    }

    [Fact]
    public void KeepInitializersAsInputsTreatsAnInputWithAnInitializerAsAWeight()
    {
        var w = new OnnxWriter { IrVersion = 3 }.Input("x", "N", 3L, "H", "W").Input("conv.weight", 8L, 3L, 3L, 3L).Input("conv.bias", 8L)
            .Initializer("conv.weight", [8, 3, 3, 3]).Initializer("conv.bias", [8])
            .Node("Conv", ["x", "conv.weight", "conv.bias"], ["y"], "conv", OnnxAttr.Ints("pads", 1, 1, 1, 1)).Output("y", "N", 8L, "H", "W");
        var net = _files.Load("kiai.onnx", w).Build(new Resolution(16, 16), 1);
        Assert.Single(net.Layers, l => l.Kind == LayerKind.Input);
        Assert.Equal(224, net.Parameters);
    }

    [Fact]
    public void AnEmbeddingTableIsWeightsAndGemmWithTransAIsAProduct()
    {
        var w = new OnnxWriter().TypedInput("ids", OnnxWriter.Int64, "N", 12L).Initializer("table", [1000, 32]).Initializer("w", [12, 32])
            .Node("Gather", ["table", "ids"], ["e"], "/embed").Node("Reshape", ["e", "shape"], ["e2"], "/flat")
            .Int64s("shape", 12, 32).Node("Gemm", ["e2", "w"], ["y"], "/proj", OnnxAttr.Int("transA", 1)).Output("y", 32L, 32L);
        var net = _files.Load("embed.onnx", w).Build(new Resolution(12, 1), 1);
        Assert.Equal(32000 + 384, net.Parameters);
        Assert.Equal(32L * 12 * 32, net.Macs);
    }

    [Fact]
    public void A3dConvolutionCountsTheKernelVolume()
    {
        var w = new OnnxWriter().Input("x", "N", 2L, 4L, "H", "W").Initializer("w", [6, 2, 3, 3, 3]).Initializer("b", [6])
            .Node("Conv", ["x", "w", "b"], ["c"], "/conv3d", OnnxAttr.Ints("pads", 1, 1, 1, 1, 1, 1))
            .Node("MaxPool", ["c"], ["y"], "/pool", OnnxAttr.Ints("kernel_shape", 2, 2, 2), OnnxAttr.Ints("strides", 2, 2, 2))
            .Output("y", "N", 6L, 2L, "H2", "W2");
        var net = _files.Load("conv3d.onnx", w).Build(new Resolution(8, 8), 1);
        Assert.Equal((6 * 2 * 27) + 6, net.Parameters);
        Assert.Equal(4L * 8 * 8 * 6 * 2 * 27, net.Macs);
        Assert.Equal(new TensorShape(1, 6, 2, 16), net.Layers[^1].Output);
    }

    [Fact]
    public void ADynamicSignalLengthIsPinnedByNameAndAScalarInputByValue()
    {
        // A wake-word front end: conv over [N, samples], a branch chosen by the sample rate input.
        var body16 = new OnnxWriter().Initializer("w16", [8, 1, 400]).Node("Conv", ["u", "w16"], ["a"], "stft16", OnnxAttr.Ints("strides", 160)).Output("a").GraphBytes();
        var body8 = new OnnxWriter().Initializer("w8", [8, 1, 200]).Node("Conv", ["u", "w8"], ["b"], "stft8", OnnxAttr.Ints("strides", 80)).Output("b").GraphBytes();
        var w = new OnnxWriter().Input("audio", "N", "samples").TypedInput("sr", OnnxWriter.Int64).Int64s("axes", 1).Int64s("rate", 16000)
            .Node("Unsqueeze", ["audio", "axes"], ["u"], "/Unsqueeze").Node("Equal", ["sr", "rate"], ["is16"], "/Equal")
            .Node("If", ["is16"], ["y"], "/If", OnnxAttr.Graph("then_branch", body16), OnnxAttr.Graph("else_branch", body8)).Output("y");
        var path = _files.Write("wake.onnx", w);
        var model = (OnnxModel)ModelSourceResolver.Resolve(path, ".", null, new Dictionary<string, long> { ["samples"] = 16000, ["sr"] = 16000 });
        Assert.Equal(new Resolution(16000, 1), model.DefaultResolution);
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(3200, net.Parameters);
        Assert.Equal(98L * 8 * 400, net.Macs); // (16000 - 400) / 160 + 1 = 98 frames
        Assert.Equal("1x16000", model.DescribeInput(model.DefaultResolution, 1));

        // sr unknown: both branches are costed and the costlier is kept: the 8 kHz one, 198 frames x 8 x 200 = 316,800
        // MACs against 98 x 8 x 400 = 313,600.
        var unpinned = (OnnxModel)ModelSourceResolver.Resolve(path, ".", null, new Dictionary<string, long> { ["samples"] = 16000 });
        var either = unpinned.Build(unpinned.DefaultResolution, 1);
        Assert.Equal(198L * 8 * 200, either.Macs);
        Assert.Equal(1600, either.Parameters);

        var wrong = Assert.Throws<FitCheckException>(() => ModelSourceResolver.Resolve(path, ".", null, new Dictionary<string, long> { ["sampels"] = 1 }));
        Assert.Equal("FC0512", wrong.Diagnostic.Id);
        Assert.Contains("'sampels' names no input or dynamic dimension", wrong.Diagnostic.Message);
        Assert.True(wrong.Diagnostic.Message.Contains("did you mean 'samples'?", StringComparison.Ordinal), wrong.Diagnostic.Message);
        var zoo = Assert.Throws<FitCheckException>(() => ModelSourceResolver.Resolve("zoo:resnet50", ".", null, new Dictionary<string, long> { ["samples"] = 1 }));
        Assert.Contains("apply to ONNX models", zoo.Diagnostic.Message);
    }
}
