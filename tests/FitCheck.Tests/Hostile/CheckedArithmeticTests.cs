using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Tests.Throughput;
using FitCheck.Throughput;
using FitCheck.Units;

namespace FitCheck.Tests.Hostile;

/// <summary>
/// Every site where figures are combined, driven with values near long.MaxValue: each overflow is FC1101
/// naming its figure, located at the deployment that asked for it, never an OverflowException or a wrap.
/// (The hostile corpus drives the same sites through the CLI.)
/// </summary>
public sealed class CheckedArithmeticTests
{
    private static readonly SourceLocation At = new("m.yml", 7, 5);

    [Theory]
    [InlineData(long.MaxValue, 1)]
    [InlineData(long.MaxValue - 5, 6)]
    [InlineData(long.MinValue, -1)]
    public void AddRefusesWhatPasses64Bits(long a, long b)
    {
        var e = Assert.Throws<FitCheckException>(() => CheckedSize.Add(a, b, "the figure"));
        Assert.Equal("FC1101", e.Diagnostic.Id);
        Assert.StartsWith("the figure exceeds 64-bit arithmetic", e.Diagnostic.Message);
    }

    [Fact]
    public void AddAndMultiplyAreExactUpToTheEdge()
    {
        Assert.Equal(long.MaxValue, CheckedSize.Add(long.MaxValue - 5, 5, "x"));
        Assert.Equal(long.MaxValue - 1, CheckedSize.Multiply(2, long.MaxValue / 2, "x"));
        Assert.Equal(long.MaxValue, CheckedSize.Sum("x", long.MaxValue - 2, 1, 1));
        Assert.Throws<FitCheckException>(() => CheckedSize.Multiply(3, long.MaxValue / 2, "x"));
        Assert.Throws<FitCheckException>(() => CheckedSize.Sum("x", long.MaxValue - 2, 1, 1, 1));
    }

    [Theory]
    [InlineData(long.MaxValue, 0, 1)]
    [InlineData(1, long.MaxValue, 0)]
    [InlineData(0, 0, long.MaxValue)]
    public void CodeSizeNamesItsFormula(long runtime, long perKernel, long perLayer)
    {
        var acc = TestHardware.Make(1e12, 1, OverlapMode.Pipelined, TestHardware.Sram(1 << 20, 1e9)) with { Code = new CodeSizeModel(runtime, perKernel, perLayer) };
        var e = Assert.Throws<FitCheckException>(() => Evaluator.Deploy(TestHardware.Analyze(TestHardware.TwoConvs()), acc, GateSpec.None, At));
        Assert.Equal("FC1101", e.Diagnostic.Id);
        Assert.Contains("code size (runtime + kernels x perKernel + layers x perLayer)", e.Diagnostic.Message);
        Assert.Equal(At, e.Diagnostic.Location);
    }

    [Fact]
    public void WeightsActivationsAndCodeTogetherAreChecked()
    {
        // Code fits on its own (the runtime is 2^63 - 101); code + 584 B of weights + activations does not.
        var acc = TestHardware.Make(1e12, 1, OverlapMode.Pipelined, TestHardware.Sram(1 << 20, 1e9)) with { Code = new CodeSizeModel(long.MaxValue - 100, 0, 0) };
        var e = Assert.Throws<FitCheckException>(() => Evaluator.Deploy(TestHardware.Analyze(TestHardware.TwoConvs()), acc, GateSpec.None, At));
        Assert.Contains("weights + activations + code", e.Diagnostic.Message);
        Assert.Equal(At, e.Diagnostic.Location);
    }

    [Fact]
    public void AllTiersTogetherAreChecked()
    {
        var half = long.MaxValue / 2 + 1;
        var acc = TestHardware.Make(1e12, 1, OverlapMode.Pipelined, TestHardware.Sram(1 << 20, 1e9), TestHardware.Dram(half, 1e8), TestHardware.Dram(half, 1e7) with { Name = "dram2" })
            with
        { Location = At };
        var e = Assert.Throws<FitCheckException>(() => HierarchyValidator.Validate(acc));
        Assert.Equal("FC1101", e.Diagnostic.Id);
        Assert.Contains("the memory of accelerator 'test'", e.Diagnostic.Message);
        Assert.Equal(At, e.Diagnostic.Location);
    }

    [Fact]
    public void TrafficPerTierIsChecked()
    {
        // 600 copies of a 2^54-byte tensor: each layer moves 2^55 bytes, the frame 600 x 2^55 > 2^63.
        var b = new NetworkBuilder("wide", 1, 1 << 22, 1 << 16, 1 << 16);
        var x = b.Input;
        for (var i = 0; i < 600; i++)
        {
            x = b.Custom(LayerKind.Copy, "copy", [x], b.Shape(x), name: $"copy{i}");
        }

        var acc = TestHardware.Make(1e12, 1, OverlapMode.Pipelined, TestHardware.Dram(long.MaxValue / 4, 1e9));
        var e = Assert.Throws<FitCheckException>(() => Evaluator.Deploy(TestHardware.Analyze(b.Build()), acc, GateSpec.None, At));
        Assert.Equal("FC1101", e.Diagnostic.Id);
        Assert.Contains("memory tier 'dram'", e.Diagnostic.Message);
        Assert.Equal(At, e.Diagnostic.Location);
    }

    [Fact]
    public void SweepRefusesAnAcceleratorWhoseCodePasses64Bits()
    {
        var acc = TestHardware.Make(1e12, 1, OverlapMode.Pipelined, TestHardware.Sram(1 << 20, 1e9)) with { Code = new CodeSizeModel(long.MaxValue - 10, 0, 0) };
        var e = Assert.Throws<FitCheckException>(() =>
            Sweep.Run([Models.Zoo.ModelZoo.Get("resnet50", null)], [new Resolution(224, 224)], [acc], Precision.Int8, 1));
        Assert.Equal("FC1101", e.Diagnostic.Id);
    }
}
