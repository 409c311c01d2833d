using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Reports;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Reports;

/// <summary>The Markdown table gives latency beside fps wherever latency is not simply 1 / fps.</summary>
public class MarkdownLatencyTests
{
    private static string Markdown(Accelerator acc, int batch)
    {
        var r = Deploy(TwoConvs(batch), acc, batch) with { Accelerator = acc.Name };
        return MarkdownReport.ToString(new CheckReport(null, [r]), new ReportOptions("1.0.0", [acc]));
    }

    [Fact]
    public void ADataflowPipelineShowsItsLatencyBesideItsThroughput()
    {
        // TwoConvs on a dataflow part, host link 1 MB/s: the link (704 B per frame) sets the period, 704 us
        // (1420.5 fps), while a frame's latency adds its 35.84 us of compute: 0.74 ms.
        var acc = Make(1e9, 1, OverlapMode.Pipelined, Sram(1L << 30, double.PositiveInfinity)) with
        {
            Host = new HostLink(1e6, 0),
            Execution = ExecutionMode.Dataflow,
        };
        var md = Markdown(acc, 1);
        Assert.Contains("| fps | latency |", md);
        Assert.Contains("| 1420.5 | 0.74 ms |", md);
    }

    [Fact]
    public void LayerByLayerAtBatchOneLeavesLatencyToFps()
    {
        var acc = Make(1e9, 1, OverlapMode.Pipelined, Sram(1L << 30, double.PositiveInfinity));
        Assert.DoesNotContain("latency", Markdown(acc, 1));

        // A batch of 2 takes 71.68 us as a whole: 27901.8 fps, and the latency column says so.
        var md = Markdown(acc, 2);
        Assert.Contains("| 27901.8 | 0.07 ms |", md);
    }
}
