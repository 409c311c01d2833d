using System.Buffers.Binary;
using FitCheck.Diagnostics;
using FitCheck.Models.Tflite;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Tflite;

/// <summary>Broken files: each is an FC08xx input error that names the byte offset, never a crash or a hang.</summary>
public sealed class TfliteErrorTests : IDisposable
{
    private readonly TfliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static byte[] Valid => TfliteModels.SmallConvNet().ToBytes();

    private Diagnostic Fails(string name, byte[] bytes)
    {
        var path = _files.Write(name, bytes);
        var e = Assert.Throws<FitCheckException>(() => TfliteModel.Load(path));
        // The same file through the CLI: exit 2, the catalogue's message, no stack trace.
        var cli = CliRunner.Run(_files.Directory, "analyze", name);
        CliRunner.AssertCleanInputError(cli, e.Diagnostic.Id);
        return e.Diagnostic;
    }

    [Fact]
    public void EmptyFile() => Assert.Equal("FC0801", Fails("empty.tflite", []).Id);

    [Fact]
    public void NotAFlatBufferOfTensorFlowLite()
    {
        var d = Fails("model.tflite", "version https://git-lfs.github.com/spec/v1\n"u8.ToArray());
        Assert.Equal("FC0802", d.Id);
        Assert.Contains("\"ion \"", d.Message);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void TruncatedFile(double keep)
    {
        var bytes = Valid;
        var d = Fails("cut.tflite", bytes[..(int)(bytes.Length * keep)]);
        Assert.Contains(d.Id, new[] { "FC0803", "FC0804" });
        Assert.Contains("at byte", d.Message);
    }

    [Fact]
    public void RootOffsetPastTheEnd()
    {
        var bytes = Valid;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)bytes.Length + 100);
        var d = Fails("root.tflite", bytes);
        Assert.Equal("FC0803", d.Id);
        Assert.Contains("the offset to the Model table", d.Message);
        Assert.Contains("at byte 0", d.Message);
    }

    [Fact]
    public void VtablePointingIntoItsOwnTable()
    {
        var bytes = Valid;
        var root = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(root), 0);
        var d = Fails("self.tflite", bytes);
        Assert.Equal("FC0804", d.Id);
        Assert.Contains($"at byte {root}", d.Message);
        Assert.Contains("vtable", d.Message);
    }

    [Fact]
    public void VtableOutOfRange()
    {
        var bytes = Valid;
        var root = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(root), -bytes.Length);
        var d = Fails("vtable.tflite", bytes);
        Assert.Equal("FC0803", d.Id);
        Assert.Contains("vtable", d.Message);
    }

    [Fact]
    public void DimensionOfTwoToTheThirtyFirst()
    {
        var w = TfliteModels.SmallConvNet();
        var x = w.Tensor("huge", [1, int.MinValue, 8, 3]);
        var d = Fails("dims.tflite", Rewire(w, x));
        Assert.Equal("FC0806", d.Id);
        Assert.Contains("2^31", d.Message);
        Assert.Contains("at byte", d.Message);
    }

    [Fact]
    public void BufferIndexPastTheEnd()
    {
        var w = TfliteModels.SmallConvNet();
        var t = w.Tensor("stray", [4], buffer: 999);
        var d = Fails("buffer.tflite", Rewire(w, t));
        Assert.Equal("FC0805", d.Id);
        Assert.Contains("999", d.Message);
    }

    [Fact]
    public void TensorIndexPastTheEnd()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 4, 4, 3]);
        var y = w.Tensor("relu", [1, 4, 4, 3]);
        w.Op("RELU", [x], [77]);
        w.Inputs(x);
        w.Outputs(y);
        var d = Fails("tensor.tflite", w.ToBytes());
        Assert.Equal("FC0805", d.Id);
        Assert.Contains("77", d.Message);
    }

    [Fact]
    public void GraphCycle()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 4, 4, 3]);
        var a = w.Tensor("a", [1, 4, 4, 3]);
        var b = w.Tensor("b", [1, 4, 4, 3]);
        w.Op("ADD", [x, b], [a], TfliteWriter.AddOptions, []);
        w.Op("RELU", [a], [b]);
        w.Inputs(x);
        w.Outputs(b);
        var d = Fails("cycle.tflite", w.ToBytes());
        Assert.Equal("FC0807", d.Id);
        Assert.Contains("#0 ADD", d.Message);
    }

    [Fact]
    public void ATensorWrittenTwice()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 4, 4, 3]);
        var a = w.Tensor("a", [1, 4, 4, 3]);
        w.Op("RELU", [x], [a]);
        w.Op("RELU6", [x], [a]);
        w.Inputs(x);
        w.Outputs(a);
        Assert.Equal("FC0804", Fails("twice.tflite", w.ToBytes()).Id);
    }

    [Fact]
    public void ShapesThatDoNotFitTogether()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 4, 4, 3]);
        var f = w.Constant("filter", [8, 9]);
        var y = w.Tensor("conv", [1, 4, 4, 8]);
        w.Op("CONV_2D", [x, f, -1], [y], TfliteWriter.Conv2DOptions, TfliteWriter.ConvOptions());
        w.Inputs(x);
        w.Outputs(y);
        var d = Fails("filter.tflite", w.ToBytes());
        Assert.Equal("FC0809", d.Id);
        Assert.Contains("O x KH x KW x I", d.Message);
    }

    [Fact]
    public void NoInput()
    {
        var w = TfliteModels.SmallConvNet();
        w.Inputs();
        Assert.Equal("FC0810", Fails("noinput.tflite", w.ToBytes()).Id);
    }

    [Fact]
    public void AManifestNamingABrokenFileIsLocatedAtItsLine()
    {
        _files.Write("broken.tflite", Valid[..100]);
        File.WriteAllText(Path.Combine(_files.Directory, "fitcheck.yml"), """
            version: 1
            accelerators:
              - name: npu
                compute: 4 TOPS
                memory:
                  - { name: sram, size: 2 MiB, bandwidth: 100 GB/s }
            models:
              - name: broken
                source: broken.tflite
                deploy: [npu]
            """);
        var r = CliRunner.Run(_files.Directory, "check", "fitcheck.yml");
        CliRunner.AssertCleanInputError(r, "FC0803");
        Assert.Contains("fitcheck.yml(9,", r.Error);
    }

    /// <summary>Adds <paramref name="tensor"/> as an extra model input, so the reader meets it.</summary>
    private static byte[] Rewire(TfliteWriter w, int tensor)
    {
        w.Inputs(0, tensor);
        return w.ToBytes();
    }
}
