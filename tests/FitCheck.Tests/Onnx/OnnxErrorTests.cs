using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

/// <summary>Every way a file can be wrong ends as a FitCheckException (exit 2) naming the file, the place and a fix.</summary>
public sealed class OnnxErrorTests : IDisposable
{
    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static OnnxWriter Valid() => new OnnxWriter()
        .Input("x", "N", 3L, "H", "W")
        .Initializer("w", [16, 3, 3, 3])
        .Node("Conv", ["x", "w"], ["y"], "conv1", OnnxAttr.Ints("pads", 1, 1, 1, 1))
        .Output("y", "N", 16L, "H", "W");

    private Diagnostic Fail(string name, byte[] bytes)
    {
        var path = _files.Write(name, bytes);
        var ex = Assert.Throws<FitCheckException>(() => OnnxModel.Load(path).Build(new Resolution(8, 8), 1));
        Assert.Contains(name, ex.Diagnostic.Message);
        Assert.NotNull(ex.Diagnostic.Hint);
        return ex.Diagnostic;
    }

    private Diagnostic Fail(string name, OnnxWriter writer) => Fail(name, writer.ToBytes());

    [Fact]
    public void AnEmptyFileIsReportedAsEmpty()
    {
        var d = Fail("empty.onnx", []);
        Assert.Equal("FC0509", d.Id);
    }

    [Fact]
    public void AFileCutInsideAFieldHeaderIsTruncated()
    {
        // 0x3A is the tag of ModelProto.graph (7, length-delimited): the length varint that must follow is missing.
        var d = Fail("cut.onnx", [0x08, 0x08, 0x3A]);
        Assert.Equal("FC0501", d.Id);
        Assert.Contains("ends at byte 3", d.Message);
        Assert.Contains("starts at byte 2", d.Message);
    }

    [Fact]
    public void AFileCutInsideTheWeightsIsALengthBeyondTheEnd()
    {
        var bytes = Valid().ToBytes();
        var d = Fail("half.onnx", bytes[..(bytes.Length / 2)]);
        Assert.Equal("FC0503", d.Id);
        Assert.Contains("truncated", d.Hint);
    }

    [Fact]
    public void ALengthPrefixBeyondTheEndOfTheFileNamesTheClaimAndWhatRemains()
    {
        // graph (7) claims 1000 bytes; 4 follow.
        var d = Fail("long.onnx", [0x08, 0x08, 0x3A, 0xE8, 0x07, 0x0A, 0x02, 0x41, 0x42]);
        Assert.Equal("FC0503", d.Id);
        Assert.Contains("at byte 2", d.Message);
        Assert.Contains("claims 1000 bytes but only 4 remain", d.Message);
        Assert.Contains("ModelProto.graph (7)", d.Message);
    }

    [Fact]
    public void AMalformedVarintIsCorrupt()
    {
        byte[] bytes = [0x08, .. Enumerable.Repeat((byte)0xFF, 11), 0x01];
        var d = Fail("varint.onnx", bytes);
        Assert.Equal("FC0502", d.Id);
        Assert.Contains("malformed varint", d.Message);
        Assert.Contains("at byte 0", d.Message);
    }

    [Fact]
    public void AKnownFieldWithTheWrongWireTypeIsRejected()
    {
        // graph (7) written as a varint (wire type 0) instead of a message.
        var d = Fail("wire.onnx", [0x08, 0x08, 0x38, 0x01]);
        Assert.Equal("FC0504", d.Id);
        Assert.Contains("ModelProto.graph (7)", d.Message);
        Assert.Contains("wire type 0", d.Message);
        Assert.Contains("at byte 2", d.Message);
    }

    [Fact]
    public void ALengthOver2GBIsTooLarge()
    {
        // graph (7) with length 2^31: 0x80 0x80 0x80 0x80 0x08.
        var d = Fail("huge.onnx", [0x08, 0x08, 0x3A, 0x80, 0x80, 0x80, 0x80, 0x08, 0x00]);
        Assert.Equal("FC0510", d.Id);
        Assert.Contains("2147483648", d.Message);
    }

    [Fact]
    public void AFieldCannotReadPastTheEndOfTheMessageThatHoldsIt()
    {
        // graph (11 bytes) { node (3 bytes) { input: claims 5 bytes } name: "abcd" }: the input string would
        // run into the graph's name field, inside the file but outside its NodeProto.
        var d = Fail("overrun.onnx", [0x3A, 0x0B, 0x0A, 0x03, 0x0A, 0x05, 0x61, 0x12, 0x04, 0x61, 0x62, 0x63, 0x64]);
        Assert.Equal("FC0502", d.Id);
        Assert.Contains("NodeProto.input (1) claims 5 bytes, past the end of the NodeProto that holds it (byte 7)", d.Message);
        Assert.Contains("at byte 4", d.Message);
    }

    [Fact]
    public void APackedFieldCannotReadPastItsTensor()
    {
        // graph { initializer (3 bytes) { dims, packed: claims 10 bytes } name: "abcdefgh" }.
        byte[] bytes = [0x3A, 0x0F, 0x2A, 0x03, 0x0A, 0x0A, 0x01, 0x12, 0x08, .. "abcdefgh"u8.ToArray()];
        var d = Fail("packed.onnx", bytes);
        Assert.Equal("FC0502", d.Id);
        Assert.Contains("at byte 4: TensorProto.dims (1) claims 10 bytes, past the end of the TensorProto that holds it (byte 7)", d.Message);
    }

    [Fact]
    public void DeeplyNestedUnknownGroupsHitTheRecursionLimit()
    {
        // Field 15 as start-group (wire type 3), nested 40 deep: skipped, but not without bound.
        var d = Fail("nested.onnx", [.. Enumerable.Repeat((byte)0x7B, 40)]);
        Assert.Equal("FC0502", d.Id);
        Assert.Contains("at byte 0", d.Message);
    }

    [Fact]
    public void AModelWithoutAGraphIsMissingItsGraph()
    {
        var d = Fail("nograph.onnx", Valid().ToBytes(withGraph: false));
        Assert.Equal("FC0508", d.Id);
    }

    [Fact]
    public void ACycleNamesTheNodesOnIt()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W")
            .Node("Add", ["x", "b"], ["a"], "first")
            .Node("Relu", ["a"], ["b"], "second")
            .Output("b", "N", 3L, "H", "W");
        var d = Fail("cycle.onnx", w);
        Assert.Equal("FC0505", d.Id);
        Assert.Contains("'first'", d.Message);
        Assert.Contains("'second'", d.Message);
    }

    [Fact]
    public void AnInputNothingProducesIsDangling()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W")
            .Node("Conv", ["x", "missing_weight"], ["y"], "conv1")
            .Output("y", "N", 3L, "H", "W");
        var d = Fail("dangling.onnx", w);
        Assert.Equal("FC0506", d.Id);
        Assert.Contains("'conv1' (Conv)", d.Message);
        Assert.Contains("'missing_weight'", d.Message);
    }

    [Fact]
    public void EveryUnsupportedOperatorIsNamedAtOnceWithItsCountAndFirstNode()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W")
            .Node("Conv2d", ["x"], ["a"], "backbone.layer1")
            .Node("FancyOp", ["a"], ["b"], "head.fancy")
            .Node("Conv2d", ["b"], ["c"], "backbone.layer2")
            .Node("Sqrtt", ["c"], ["y"], "tail")
            .Output("y", "N", 3L, "H", "W");
        var d = Fail("unsupported.onnx", w);
        Assert.Equal("FC0507", d.Id);
        Assert.Contains("3 operators not supported: Conv2d (2 nodes, first 'backbone.layer1'), FancyOp (1 node, first 'head.fancy'), Sqrtt (1 node, first 'tail')", d.Message);
        Assert.Contains("Sqrtt (1 node, first 'tail') (did you mean 'Sqrt'?)", d.Message);
        Assert.DoesNotContain("did you mean 'Conv'", d.Message);
    }

    [Theory]
    [InlineData("conv", "Conv")]
    [InlineData("Reshpe", "Reshape")]
    [InlineData("ReduceMeen", "ReduceMean")]
    [InlineData("Maxx", "Max")]
    [InlineData("Pwo", null)]
    [InlineData("Lgo", null)]
    [InlineData("Foo", null)]
    [InlineData("Attention", null)]
    public void DidYouMeanOnlyWhenTheNameIsCloseToASupportedOne(string op, string? expected)
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W").Node(op, ["x"], ["y"], "n").Output("y", "N", 3L, "H", "W");
        var d = Fail(op + ".onnx", w);
        if (expected is null)
        {
            Assert.DoesNotContain("did you mean", d.Message);
        }
        else
        {
            Assert.Contains($"did you mean '{expected}'?", d.Message);
        }
    }

    [Fact]
    public void TooManyDimsIsAnAbsurdSize()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W")
            .Initializer("w", [.. Enumerable.Repeat(1L, 100)])
            .Node("Relu", ["x"], ["y"], "r").Output("y", "N", 3L, "H", "W");
        var d = Fail("dims.onnx", w);
        Assert.Equal("FC0511", d.Id);
        Assert.Contains("more than 64", d.Message);
    }

    [Fact]
    public void ANamedDynamicDimensionThatNothingSetsMustBePinned()
    {
        var w = new OnnxWriter().Input("audio", "N", "samples").Input("cache", "N", "frames", 64L)
            .Node("ReduceMean", ["cache"], ["m"], "mean", OnnxAttr.Ints("axes", 1), OnnxAttr.Int("keepdims", 0))
            .Node("MatMul", ["audio", "m"], ["y"], "mm").Output("y", "N", 64L);
        var d = Fail("pin.onnx", w);
        Assert.Equal("FC0512", d.Id);
        Assert.Contains("dimension 1 ('frames') of input 'cache'", d.Message);
        Assert.Contains("--input frames=N", d.Message);
    }

    [Fact]
    public void ConvWeightsThatDoNotMatchTheInputChannelsAreAShapeError()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W").Initializer("w", [8, 4, 3, 3])
            .Node("Conv", ["x", "w"], ["y"], "conv1").Output("y", "N", 8L, "H", "W");
        var path = _files.Write("channels.onnx", w);
        var ex = Assert.Throws<FitCheckException>(() => OnnxModel.Load(path).Build(new Resolution(8, 8), 1));
        Assert.Equal("FC0203", ex.Diagnostic.Id);
        Assert.Contains("conv1", ex.Diagnostic.Message);
    }

    [Fact]
    public void AResolutionTooSmallForAWindowIsAShapeError()
    {
        var w = new OnnxWriter().Input("x", "N", 3L, "H", "W").Initializer("w", [8, 3, 7, 7])
            .Node("Conv", ["x", "w"], ["y"], "conv1").Output("y", "N", 8L, "H", "W");
        var path = _files.Write("small.onnx", w);
        var ex = Assert.Throws<FitCheckException>(() => OnnxModel.Load(path).Build(new Resolution(4, 4), 1));
        Assert.Equal("FC0203", ex.Diagnostic.Id);
    }

    [Fact]
    public void AMissingFileIsUnreadable()
    {
        var ex = Assert.Throws<FitCheckException>(() => OnnxModel.Load(_files.PathOf("nope.onnx")));
        Assert.Equal("FC0003", ex.Diagnostic.Id);
    }
}
