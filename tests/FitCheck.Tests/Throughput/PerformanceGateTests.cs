using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Manifest;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Throughput;

public class PerformanceGateTests
{
    // Two convs, 35,840 MACs at 1 GMAC/s x 50 %: 13,950.9 fps, latency 71.68 µs, no DRAM traffic.
    private static CheckResult Run(GateSpec gates) =>
        Evaluator.Deploy(Analyze(TwoConvs()), Make(1e9, 0.5, OverlapMode.Pipelined, Sram(1L << 40, double.PositiveInfinity)), gates);

    [Theory]
    [InlineData(13_950.0, true)]
    [InlineData(13_951.0, false)]
    public void MinFpsComparesWithTheEstimate(double floor, bool passes)
    {
        var gate = Assert.Single(Run(new GateSpec(MinFps: floor)).Gates, g => g.Name == "min-fps");
        Assert.Equal(passes, gate.Passed);
    }

    [Theory]
    [InlineData(71.69e-6, true)]
    [InlineData(71.67e-6, false)]
    public void MaxLatencyComparesWithTheSumOfLayerTimes(double ceiling, bool passes)
    {
        var gate = Assert.Single(Run(new GateSpec(MaxLatencySeconds: ceiling)).Gates, g => g.Name == "max-latency");
        Assert.Equal(passes, gate.Passed);
    }

    [Fact]
    public void DramBandwidthIsBytesPerFrameTimesFps()
    {
        // Weights (656 B) streamed at 1 GB/s with free compute: 656 B/frame x 1e9/656 fps = exactly the DRAM bandwidth.
        var acc = Make(double.PositiveInfinity, 1, OverlapMode.Pipelined, Sram(2_000, double.PositiveInfinity), Dram(1L << 30, 1e9));
        var r = Evaluator.Deploy(Analyze(TwoConvs()), acc, new GateSpec(MaxDramBytesPerSecond: 0.9e9));
        var gate = Assert.Single(r.Gates, g => g.Name == "max-dram-bandwidth");
        Assert.False(gate.Passed);
        Assert.Equal(1e9, r.Throughput!.DramBytesPerSecond, 3);
    }

    [Fact]
    public void ThroughputGatesFailWhenTheModelDoesNotFit()
    {
        var r = Evaluator.Deploy(Analyze(TwoConvs()), Make(1e9, 1, OverlapMode.Pipelined, Sram(1_000, 1e9)), new GateSpec(MinFps: 1));
        var gate = Assert.Single(r.Gates, g => g.Name == "min-fps");
        Assert.False(gate.Passed);
        Assert.StartsWith("cannot run on test: ", gate.Message);
    }
}
