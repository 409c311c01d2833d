using FitCheck.Analysis;
using FitCheck.Hardware;
using FitCheck.Throughput;

namespace FitCheck.Advice;

/// <summary>
/// A latency no placement can beat, for bounding the throughput gates. Compute per layer is as in
/// <see cref="ThroughputModel"/>; every byte a layer moves costs at least its time at the fastest tier's
/// bandwidth. On top, whatever cannot be on chip moves at most at the fastest off-chip bandwidth: either the
/// weights stay on chip, and then at least (arena lower bound + weights − on-chip memory) of activations are
/// written or read off chip once, or they do not, and every weight byte and at least (arena lower bound −
/// on-chip memory) of activations move off chip. The floor takes the cheaper case. Every term grows with the
/// input size and the batch, so the floor does too, which is what a bisection needs.
/// </summary>
public static class LatencyFloor
{
    public static double Seconds(ModelAnalysis a, Accelerator acc)
    {
        var profile = TrafficProfile.For(a);
        // Winograd executes a 3x3 stride-1 convolution's MACs / 2.25 at best; dividing every layer's MACs by that
        // factor keeps the floor below the model whichever layers qualify.
        var speedup = acc.Engine is { Winograd: true } ? ComputeEngine.WinogradFactor : 1;
        var macRate = acc.MacsPerSecond * acc.Utilization * speedup;
        double fastest = 0, offChip = 0;
        var weightsCanStay = false;
        foreach (var t in acc.Tiers)
        {
            fastest = Math.Max(fastest, t.BandwidthBytesPerSecond);
            if (t.OnChip)
            {
                weightsCanStay |= t.CapacityBytes >= a.WeightBytes;
            }
            else
            {
                offChip = Math.Max(offChip, t.BandwidthBytesPerSecond);
            }
        }

        double perLayer = 0, compute = 0, activationBytes = 0, weightBytes = 0;
        for (var e = 0; e < profile.Count; e++)
        {
            long bytes = 0;
            for (var i = profile.AccessStart[e]; i < profile.AccessStart[e + 1]; i++)
            {
                bytes += profile.AccessBytes[i];
            }

            var c = profile.Macs[e] == 0 ? 0 : profile.Macs[e] / macRate;
            var m = (bytes + profile.WeightBytes[e]) / fastest;
            compute += c;
            activationBytes += bytes;
            weightBytes += profile.WeightBytes[e];
            perLayer += acc.Overlap == OverlapMode.Pipelined ? Math.Max(c, m) : c + m;
        }

        var memory = (activationBytes + weightBytes) / fastest;
        if (offChip > 0)
        {
            var slower = (1 / offChip) - (1 / fastest);
            var onChip = (double)acc.OnChipBytes;
            // A compiler that runs layers in stripes keeps intermediate tensors in line buffers on chip, so the
            // live set need not leave the chip: with striping the floor counts no activation bytes off chip.
            var live = acc.Striping == ActivationStriping.Off ? a.Activations.LowerBoundBytes : 0;
            var weightsStay = weightsCanStay ? Math.Max(0, live + a.WeightBytes - onChip) * slower : double.PositiveInfinity;
            var weightsLeave = (weightBytes + Math.Max(0, live - onChip)) * slower;
            memory += Math.Min(weightsStay, weightsLeave);
        }

        var total = acc.Overlap == OverlapMode.Pipelined ? Math.Max(perLayer, memory) : compute + memory;

        // A hair under, so floating-point summation order never makes the floor stricter than the model.
        return total * (1 - 1e-9);
    }

    /// <summary>
    /// A period no dataflow schedule can beat: the MAC-array layers' compute at the peak rate. Without fabric
    /// units the model's period is at least Σ compute; with them, a context's period is its slowest stage, and
    /// a stage given u of U units takes (its compute) x U / u, so Σ over the context's array layers of their
    /// compute ≤ period x Σu / U ≤ period: contexts (and reloads) only add. Efficiency never exceeds 1, and
    /// Winograd is allowed for as in <see cref="Seconds"/>. It grows with the input size and the batch.
    /// </summary>
    public static double DataflowPeriodSeconds(ModelAnalysis a, Accelerator acc)
    {
        var profile = TrafficProfile.For(a);
        var speedup = acc.Engine is { Winograd: true } ? ComputeEngine.WinogradFactor : 1;
        var macRate = acc.MacsPerSecond * acc.Utilization * speedup;
        double compute = 0;
        for (var e = 0; e < profile.Count; e++)
        {
            if (profile.Shapes[e].Kind is WorkKind.Array or WorkKind.Depthwise)
            {
                compute += profile.Macs[e] / macRate;
            }
        }

        return compute * (1 - 1e-9);
    }
}
