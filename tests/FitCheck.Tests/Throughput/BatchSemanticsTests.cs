using FitCheck.Hardware;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Throughput;

/// <summary>
/// What a batch means in each execution mode. Layer-by-layer runs every layer over the whole batch, so its arena
/// holds the batch; dataflow streams the batch's frames through its layers one at a time, so its arena is one
/// frame's while each weight read serves the batch.
/// </summary>
public class BatchSemanticsTests
{
    // TwoConvs, int8: input 192 B, conv1 1,024 B, conv2 512 B; two tensors live at a time: 1,536 B per image.
    private static Accelerator Npu(ExecutionMode mode) =>
        Make(1e9, 1, OverlapMode.Pipelined, Sram(2_000, double.PositiveInfinity), Dram(1L << 30, 1e9)) with { Execution = mode };

    [Fact]
    public void ADataflowArenaIsOneFramesWhileLayerByLayerHoldsTheBatch()
    {
        var dataflow = Deploy(TwoConvs(2), Npu(ExecutionMode.Dataflow), batch: 2);
        Assert.Equal(1_536, dataflow.Analysis.Activations.PeakBytes);
        Assert.False(dataflow.Placement!.Spill.Any);
        Assert.Equal(2, dataflow.Analysis.Batch);
        Assert.Equal(2 * 35_840, dataflow.Analysis.Macs);

        var layered = Deploy(TwoConvs(2), Npu(ExecutionMode.LayerByLayer), batch: 2);
        Assert.Equal(3_072, layered.Analysis.Activations.PeakBytes);
        Assert.True(layered.Placement!.Spill.Any);
        Assert.Equal(2 * 35_840, layered.Analysis.Macs);
    }

    [Fact]
    public void ADataflowBatchSharesEachWeightReadAmongItsFrames()
    {
        // Weights (496 + 160 B) stream from DRAM at 1 GB/s when SRAM holds only the arena; with compute free the
        // DRAM is the slowest stage: 656 B per batch of 2 = 328 B per frame -> 328 ns a frame.
        var acc = Make(double.PositiveInfinity, 1, OverlapMode.Pipelined, Sram(1_600, double.PositiveInfinity), Dram(1L << 30, 1e9))
            with
        { Execution = ExecutionMode.Dataflow };
        var t = Deploy(TwoConvs(2), acc, batch: 2).Throughput!;
        Assert.Equal(328, t.StreamedWeightBytes);
        Assert.Equal(1 / 328e-9, t.Fps, 6);
        Assert.Equal(2 * 35_840, t.NominalMacs);
        Assert.Equal(2, t.Batch);
    }
}
