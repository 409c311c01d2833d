using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Manifest;
using FitCheck.Throughput;

namespace FitCheck.Tests.Throughput;

/// <summary>The dataflow cluster model on layer lists small enough to schedule by hand.</summary>
public class DataflowFabricTests
{
    private static readonly WorkKind[] ThreeArray = [WorkKind.Array, WorkKind.Array, WorkKind.Array];

    [Fact]
    public void ThreeEqualLayersOnFourUnitsRunAtTheSlowestOneUnitStage()
    {
        // Each layer takes 1 s on the whole fabric (4 units). Each gets one unit, the fourth goes to one of
        // them: stages 4/2 = 2 s, 4 s, 4 s. The period is 4 s, not the 3 s of a perfectly divisible fabric.
        var s = DataflowFabric.Plan([1.0, 1.0, 1.0], ThreeArray, [0, 0, 0], units: 4, contextBytes: long.MaxValue, loadBytesPerSecond: 1);
        Assert.Equal(1, s.Contexts);
        Assert.Equal(4.0, s.BatchSeconds, 12);
        Assert.Equal(4, s.Units.Sum());
        Assert.Equal(0, s.LoadSeconds);
    }

    [Fact]
    public void UnitsFollowWorkSoAProportionalNetworkKeepsThePlainPeriod()
    {
        // Work 1 : 2 : 1 on 4 units: 1, 2, 1 units; every stage takes 4 s x share = 1 x 4 / 1 = 2 x 4 / 2 = 4 s.
        var s = DataflowFabric.Plan([1.0, 2.0, 1.0], ThreeArray, [0, 0, 0], 4, long.MaxValue, 1);
        Assert.Equal([1, 2, 1], s.Units);
        Assert.Equal(4.0, s.BatchSeconds, 12);
    }

    [Fact]
    public void ANetworkLargerThanTheChipRunsInContextsThatReloadTheirWeights()
    {
        // 10 B of weights per layer, 20 B of room: contexts {1, 2} and {3}. Loads at 10 B/s: 2 s + 1 s.
        // Context 1: two layers of 1 s share 4 units, 2 each, stage 1 x 4 / 2 = 2 s; context 2: one layer on
        // all 4 units, 1 s. One batch: 2 + 2 + 1 + 1 = 6 s.
        var s = DataflowFabric.Plan([1.0, 1.0, 1.0], ThreeArray, [10, 10, 10], 4, 20, 10);
        Assert.Equal(2, s.Contexts);
        Assert.Equal([0, 0, 1], s.ContextOf);
        Assert.Equal(3.0, s.LoadSeconds, 12);
        Assert.Equal(6.0, s.BatchSeconds, 12);
    }

    [Fact]
    public void MoreMacLayersThanUnitsStartANewContextButVectorLayersHoldNone()
    {
        // Two units: layers 1 and 3 hold them, the pool (layer 2) does not; layer 4 starts a second context.
        WorkKind[] kinds = [WorkKind.Array, WorkKind.Vector, WorkKind.Array, WorkKind.Depthwise];
        var s = DataflowFabric.Plan([1.0, 0.5, 1.0, 1.0], kinds, [1, 0, 1, 1], 2, long.MaxValue, 1);
        Assert.Equal([0, 0, 0, 1], s.ContextOf);
        // Context 1: one unit each, stages 2 s, 2 s, pool 0.5 s -> 2 s; context 2: 1 s; loads 2 B + 1 B at 1 B/s.
        Assert.Equal(2.0 + 1.0 + 3.0, s.BatchSeconds, 12);
    }

    [Fact]
    public void ALayerHeldByItsMemoryPortGetsNoFurtherUnits()
    {
        // As above, three layers of 1 s on 4 units, but layer 2 moves bytes that take 5 s through its port.
        // It keeps one unit (more would not help), the spare unit goes to layer 1 or 3, and layer 2's 5 s
        // set the period.
        var s = DataflowFabric.Plan([1.0, 1.0, 1.0], ThreeArray, [0, 0, 0], 4, long.MaxValue, 1, [0.0, 5.0, 0.0]);
        Assert.Equal(1, s.Units[1]);
        Assert.Equal(4, s.Units.Sum());
        Assert.Equal(5.0, s.BatchSeconds, 12);

        // A port slower than the compute stage leaves the schedule as it was.
        Assert.Equal(4.0, DataflowFabric.Plan([1.0, 1.0, 1.0], ThreeArray, [0, 0, 0], 4, long.MaxValue, 1, [0.5, 0.5, 0.5]).BatchSeconds, 12);
    }

    [Fact]
    public void LayerBandwidthWithoutAFabricIsAnInputError()
    {
        const string Manifest = """
            version: 1
            accelerators:
              - name: npu
                compute: 4 TOPS
                execution: dataflow
                layerBandwidth: 4 GB/s
                memory:
                  - name: sram
                    size: 8 MiB
                    bandwidth: 100 GB/s
            models:
              - name: m
                source: zoo:mobilenet-v1
                resolutions: [224x224]
                deploy: [npu]
            """;
        var e = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yml", Manifest));
        Assert.Contains("fabricUnits", e.Diagnostic.Format(), StringComparison.Ordinal);
        Assert.Equal(6, e.Diagnostic.Location!.Line);
    }

    [Fact]
    public void FabricUnitsOutsideDataflowIsAnInputErrorAtTheKey()
    {
        const string Manifest = """
            version: 1
            accelerators:
              - name: npu
                compute: 4 TOPS
                fabricUnits: 8
                memory:
                  - name: sram
                    size: 8 MiB
                    bandwidth: 100 GB/s
            models:
              - name: m
                source: zoo:mobilenet-v1
                resolutions: [224x224]
                deploy: [npu]
            """;
        var e = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yml", Manifest));
        Assert.Contains("execution: dataflow", e.Diagnostic.Format(), StringComparison.Ordinal);
        Assert.Equal(5, e.Diagnostic.Location!.Line);
    }
}
