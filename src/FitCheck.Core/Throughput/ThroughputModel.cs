using FitCheck.Analysis;
using FitCheck.Hardware;
using FitCheck.Units;

namespace FitCheck.Throughput;

/// <summary>
/// Per executed layer: compute time = executed MACs / (peak MAC/s x utilization x the layer's efficiency on
/// the engine's MAC array, see <see cref="LayerEfficiency"/>) plus vector-unit time; memory time = the sum over
/// tiers of the bytes the layer moves in that tier / the tier's bandwidth. The bytes are the layer's input
/// reads and output write, each in the tier that holds the buffer (home tier, or the spill tier for a
/// spilled buffer, whose traffic is thereby counted at every write and every read), plus the layer's
/// weights from the on-chip cache or from wherever the weights stream. Pipelined overlap takes
/// max(compute, memory), serialized takes their sum. The network is built at the batch size, so activation
/// traffic and MACs already scale with it while each layer's weights are read once per batch.
/// <para>
/// Layer-by-layer: latency = host transfer + Σ layer times for the batch; fps = batch / latency.
/// Dataflow: every layer is resident and frames stream through, so the period is the slowest shared
/// resource — the compute fabric (Σ compute), each memory tier (Σ its bytes / bandwidth), the host link —
/// and fps = batch / period, while a frame's latency is still the sum of its layer times and transfer.
/// </para>
/// Code traffic is not modelled: a command stream is small next to tensors and kernels stay cached.
/// </summary>
public static class ThroughputModel
{
    public const string ComputeBound = "compute";

    private const string LayerTraffic = "the bytes one layer moves in one memory tier (inputs + output + weights)";
    public const string HostBound = "host-link";

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
        var engine = acc.ComputeShape;
        var tiers = acc.Tiers;
        var tierCount = tiers.Count;
        var home = placement.Activations.Tier;
        var spill = placement.Spill;
        var spilled = spill.Spilled;
        var weightTier = placement.Weights.Tier;
        var cache = placement.WeightCache;
        var layers = new LayerCost[profile.Count];
        var computeSeconds = new double[profile.Count];
        var totals = new long[tierCount];
        var tierSeconds = new double[tierCount];
        var timeByBound = new double[tierCount + 1];
        double layerSum = 0, computeTotal = 0;
        long nominal = 0, executed = 0, cachedWeights = 0, streamedWeights = 0;
        for (var e = 0; e < profile.Count; e++)
        {
            var bytes = new long[tierCount];
            for (var a = profile.AccessStart[e]; a < profile.AccessStart[e + 1]; a++)
            {
                var buffer = profile.AccessBuffer[a];
                var tier = spill.Any && spilled[buffer] ? spill.SpillTier : home;
                bytes[tier] = CheckedSize.Add(bytes[tier], profile.AccessBytes[a], LayerTraffic);
            }

            var fromCache = cache.Any && cache.CachedLayers[e];
            var wTier = fromCache ? cache.Tier : weightTier;
            bytes[wTier] = CheckedSize.Add(bytes[wTier], profile.WeightBytes[e], LayerTraffic);
            if (tiers[wTier].OnChip)
            {
                cachedWeights += profile.WeightBytes[e];
            }
            else
            {
                streamedWeights += profile.WeightBytes[e];
            }

            var shape = profile.Shapes[e];
            var efficiency = LayerEfficiency.Of(shape, engine);
            var macs = profile.Macs[e];
            var run = LayerEfficiency.ExecutedMacs(shape, macs, engine);
            nominal += macs;
            executed += run;
            var compute = LayerEfficiency.Seconds(shape, macs, acc, efficiency);
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
                tierSeconds[t] += seconds;
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
            layerSum += time;
            computeTotal += compute;
            computeSeconds[e] = compute;
            layers[e] = new LayerCost(profile.Layer[e], compute, bytes, memory, time, bound, efficiency, run);
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

        var host = acc.Host is { } link
            ? (profile.InputBytes + profile.OutputBytes) / link.BytesPerSecond + link.OverheadSeconds
            : 0;
        double latency, period;
        string boundName;
        var contexts = 1;
        if (acc.Execution == ExecutionMode.Dataflow)
        {
            // Stages run concurrently; the slowest one sets the period.
            period = computeTotal;
            var fabric = engine.FabricUnits > 0 ? Fabric(profile, placement, computeSeconds, engine.FabricUnits) : null;
            if (fabric is not null)
            {
                period = fabric.BatchSeconds;
                contexts = fabric.Contexts;
            }

            boundName = ComputeBound;
            for (var t = 0; t < tierCount; t++)
            {
                if (tierSeconds[t] > period)
                {
                    period = tierSeconds[t];
                    boundName = tiers[t].Name;
                }
            }

            if (host > period)
            {
                period = host;
                boundName = HostBound;
            }

            // Frames pass one at a time: one frame's latency is its share of the layer times plus its transfer.
            latency = (layerSum + host) / batch;
            if (contexts > 1)
            {
                // Contexts run one after another over the whole batch: a frame's result waits for the last one.
                latency = Math.Max(latency, fabric!.BatchSeconds + host);
            }
        }
        else
        {
            latency = layerSum + host;
            period = latency;
            var boundIndex = 0;
            for (var i = 1; i < timeByBound.Length; i++)
            {
                if (timeByBound[i] > timeByBound[boundIndex])
                {
                    boundIndex = i;
                }
            }

            boundName = host > timeByBound[boundIndex] ? HostBound : boundIndex == 0 ? ComputeBound : tiers[boundIndex - 1].Name;
        }

        var fps = period > 0 ? batch / period : double.PositiveInfinity;
        return new ThroughputEstimate(batch, fps, latency, computeTotal, dram, dram * fps, perFrame, boundName, layers)
        {
            NominalMacs = nominal,
            ExecutedMacs = executed,
            HostSeconds = host,
            Contexts = contexts,
            CachedWeightBytes = (cachedWeights + batch / 2) / batch,
            StreamedWeightBytes = (streamedWeights + batch / 2) / batch,
            Assumptions = ThroughputAssumptions.For(acc),
        };
    }

    /// <summary>
    /// The fabric's schedule: a context holds as many whole layers' weights as the on-chip tier that caches
    /// weights holds after code (a dataflow part keeps line buffers, not whole tensors, beside them); weights
    /// are reloaded from their tier at its bandwidth.
    /// </summary>
    /// <param name="scale">Images of the batch per image the profile holds (its activation bytes x scale are the batch's).</param>
    private static DataflowFabric.Schedule Fabric(TrafficProfile profile, Placement placement, double[] seconds, int units, int scale = 1)
    {
        var tiers = placement.Accelerator.Tiers;
        var weights = placement.Weights;
        var cache = placement.WeightCache;
        var room = long.MaxValue;
        if (!tiers[weights.Tier].OnChip)
        {
            var t = cache.Any ? cache.Tier : -1;
            room = t < 0 ? long.MaxValue : tiers[t].CapacityBytes - (placement.Code.Tier == t ? placement.Code.Bytes : 0);
        }

        var kinds = new WorkKind[profile.Count];
        for (var e = 0; e < kinds.Length; e++)
        {
            kinds[e] = profile.Shapes[e].Kind;
        }

        // A layer's stage moves its activations (inputs read, output written) through its own memory port.
        var port = placement.Accelerator.ComputeShape.LayerBytesPerSecond;
        double[]? floor = null;
        if (port > 0)
        {
            floor = new double[profile.Count];
            for (var e = 0; e < floor.Length; e++)
            {
                double moved = 0;
                for (var a = profile.AccessStart[e]; a < profile.AccessStart[e + 1]; a++)
                {
                    moved += profile.AccessBytes[a];
                }

                floor[e] = moved * scale / port;
            }
        }

        return DataflowFabric.Plan(seconds, kinds, profile.WeightBytes, units, Math.Max(1, room), tiers[weights.Tier].BandwidthBytesPerSecond, floor);
    }
}
