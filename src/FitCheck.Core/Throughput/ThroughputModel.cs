using FitCheck.Analysis;
using FitCheck.Hardware;
using FitCheck.Units;

namespace FitCheck.Throughput;

/// <summary>
/// Per executed layer: compute time = MACs / (peak MAC/s x utilization); memory time = the sum over tiers
/// of the bytes the layer moves in that tier / the tier's bandwidth. The bytes are the layer's input
/// reads and output write, each in the tier that holds the buffer (home tier, or the spill tier for a
/// spilled buffer, whose traffic is thereby counted at every write and every read), plus the layer's
/// weights from wherever they were placed. Pipelined overlap takes max(compute, memory), serialized
/// takes their sum. The network is built at the batch size, so activation traffic and MACs already
/// scale with it while each layer's weights are read once per batch.
/// Code traffic is not modelled: a command stream is small next to tensors and kernels stay cached.
/// </summary>
public static class ThroughputModel
{
    public const string ComputeBound = "compute";

    private const string LayerTraffic = "the bytes one layer moves in one memory tier (inputs + output + weights)";

    public static ThroughputEstimate? Estimate(ModelAnalysis analysis, Placement placement) =>
        Estimate(TrafficProfile.For(analysis), placement, analysis.Batch);

    /// <returns>null when the placement does not fit (nothing to run).</returns>
    public static ThroughputEstimate? Estimate(TrafficProfile profile, Placement placement, int batch)
    {
        if (!placement.Fits)
        {
            return null;
        }

        var acc = placement.Accelerator;
        var tiers = acc.Tiers;
        var tierCount = tiers.Count;
        var macRate = acc.MacsPerSecond * acc.Utilization;
        var home = placement.Activations.Tier;
        var spill = placement.Spill;
        var spilled = spill.Spilled;
        var weightTier = placement.Weights.Tier;
        var layers = new LayerCost[profile.Count];
        var totals = new long[tierCount];
        var timeByBound = new double[tierCount + 1];
        double latency = 0, computeTotal = 0;
        for (var e = 0; e < profile.Count; e++)
        {
            var bytes = new long[tierCount];
            for (var a = profile.AccessStart[e]; a < profile.AccessStart[e + 1]; a++)
            {
                var buffer = profile.AccessBuffer[a];
                var tier = spill.Any && spilled[buffer] ? spill.SpillTier : home;
                bytes[tier] = CheckedSize.Add(bytes[tier], profile.AccessBytes[a], LayerTraffic);
            }

            bytes[weightTier] = CheckedSize.Add(bytes[weightTier], profile.WeightBytes[e], LayerTraffic);
            var compute = profile.Macs[e] == 0 ? 0 : profile.Macs[e] / macRate;
            double memory = 0, worst = 0;
            var worstTier = -1;
            for (var t = 0; t < tierCount; t++)
            {
                if (bytes[t] == 0)
                {
                    continue;
                }

                totals[t] = CheckedSize.Add(totals[t], bytes[t], $"the bytes moved per inference in memory tier '{tiers[t].Name}'");
                var seconds = bytes[t] / tiers[t].BandwidthBytesPerSecond;
                memory += seconds;
                if (seconds > worst)
                {
                    worst = seconds;
                    worstTier = t;
                }
            }

            var time = acc.Overlap == OverlapMode.Pipelined ? Math.Max(compute, memory) : compute + memory;
            var bound = compute >= memory ? -1 : worstTier;
            timeByBound[bound + 1] += time;
            latency += time;
            computeTotal += compute;
            layers[e] = new LayerCost(profile.Layer[e], compute, bytes, memory, time, bound);
        }

        var perFrame = new long[tierCount];
        long dram = 0;
        for (var t = 0; t < tierCount; t++)
        {
            // Rounded to the nearest byte without forming totals + batch/2, which could pass 2^63.
            perFrame[t] = totals[t] / batch + (totals[t] % batch * 2 >= batch ? 1 : 0);
            if (!tiers[t].OnChip)
            {
                dram = CheckedSize.Add(dram, perFrame[t], "the off-chip bytes per frame (all off-chip tiers)");
            }
        }

        var boundIndex = 0;
        for (var i = 1; i < timeByBound.Length; i++)
        {
            if (timeByBound[i] > timeByBound[boundIndex])
            {
                boundIndex = i;
            }
        }

        var fps = latency > 0 ? batch / latency : double.PositiveInfinity;
        var boundName = boundIndex == 0 ? ComputeBound : tiers[boundIndex - 1].Name;
        return new ThroughputEstimate(batch, fps, latency, computeTotal, dram, dram * fps, perFrame, boundName, layers);
    }
}
