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

    /// <summary>A layer's weight bytes per pass: all of them for a batch network, a frame's share (rounded up) for one frame's.</summary>
    private static long WeightShare(long bytes, int batch, bool perFrame) => perFrame ? (bytes + batch - 1) / batch : bytes;

    public static ThroughputEstimate? Estimate(ModelAnalysis analysis, Placement placement) =>
        Estimate(TrafficProfile.For(analysis), placement, analysis.Batch, analysis.PerFrame);

    /// <param name="perFrame">The profile holds one image of the batch (see <see cref="ModelAnalysis.PerFrame"/>): each layer's
    /// weights are charged the frame's share of one read per batch, and the figures are scaled back to the batch.</param>
    /// <returns>null when the placement does not fit (nothing to run).</returns>
    public static ThroughputEstimate? Estimate(TrafficProfile profile, Placement placement, int batch, bool perFrame = false)
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
        var totals = new long[tierCount];
        var tierSeconds = new double[tierCount];
        var timeByBound = new double[tierCount + 1];
        double layerSum = 0, computeTotal = 0;
        long nominal = 0, executed = 0, cachedWeights = 0, streamedWeights = 0, extraMacs = 0;
        var spillBytes = new long[profile.Count][];
        var computeSeconds = new double[profile.Count];
        var efficiencies = new double[profile.Count];
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
            bytes[wTier] = CheckedSize.Add(bytes[wTier], WeightShare(profile.WeightBytes[e], batch, perFrame), LayerTraffic);
            spillBytes[e] = bytes;
            efficiencies[e] = LayerEfficiency.Of(profile.Shapes[e], engine);
            computeSeconds[e] = LayerEfficiency.Seconds(profile.Shapes[e], profile.Macs[e], acc, efficiencies[e]);
        }

        var stripes = StripePlanner.Plan(profile, placement, computeSeconds, spillBytes);
        for (var e = 0; e < profile.Count; e++)
        {
            var striped = stripes.Any && stripes.RunOf[e] >= 0;
            var bytes = striped ? stripes.TierBytes[e]! : spillBytes[e];
            var fromCache = cache.Any && cache.CachedLayers[e];
            var wTier = fromCache ? cache.Tier : weightTier;
            if (tiers[wTier].OnChip)
            {
                cachedWeights += WeightShare(profile.WeightBytes[e], batch, perFrame);
            }
            else
            {
                streamedWeights += WeightShare(profile.WeightBytes[e], batch, perFrame);
            }

            var shape = profile.Shapes[e];
            var efficiency = efficiencies[e];
            var macs = profile.Macs[e];
            var extra = striped ? stripes.ExtraMacs[e] : 0;
            var run = CheckedSize.Add(LayerEfficiency.ExecutedMacs(shape, macs, engine),
                LayerEfficiency.ExecutedMacs(shape, extra, engine), "the MACs a layer executes");
            nominal += macs;
            executed += run;
            extraMacs = CheckedSize.Add(extraMacs, extra, "the MACs recomputed in stripe halos");
            var compute = striped ? computeSeconds[e] * stripes.ComputeScale[e] : computeSeconds[e];
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
            layers[e] = new LayerCost(profile.Layer[e], compute, bytes, memory, time, bound, efficiency, run)
            {
                Run = striped ? stripes.RunOf[e] : -1,
                ExtraMacs = extra,
            };
        }

        // Images the profile's network holds: the batch, or one frame of it.
        var images = perFrame ? 1 : batch;
        var tierPerFrame = new long[tierCount];
        long dram = 0;
        for (var t = 0; t < tierCount; t++)
        {
            // Rounded to the nearest byte without forming totals + images/2, which could pass 2^63.
            tierPerFrame[t] = totals[t] / images + (totals[t] % images * 2 >= images ? 1 : 0);
            if (!tiers[t].OnChip)
            {
                dram = CheckedSize.Add(dram, tierPerFrame[t], "the off-chip bytes per frame (all off-chip tiers)");
            }
        }

        // The per-inference overhead is paid once per batch; a frame's pass carries its share.
        var host = acc.Host is { } link
            ? (profile.InputBytes + profile.OutputBytes) / link.BytesPerSecond + link.OverheadSeconds * images / batch
            : 0;
        double latency, period;
        string boundName;
        var contexts = 1;
        // Images the profile holds x scale = the batch; a dataflow period is reckoned for the whole batch.
        var scale = batch / images;
        if (acc.Execution == ExecutionMode.Dataflow)
        {
            // Stages run concurrently; the slowest one sets the period.
            period = computeTotal * scale;
            if (scale > 1)
            {
                for (var e = 0; e < computeSeconds.Length; e++)
                {
                    computeSeconds[e] *= scale;
                }
            }

            var fabric = engine.FabricUnits > 0 ? Fabric(profile, placement, computeSeconds, engine.FabricUnits, scale) : null;
            if (fabric is not null)
            {
                period = fabric.BatchSeconds;
                contexts = fabric.Contexts;
            }

            boundName = ComputeBound;
            for (var t = 0; t < tierCount; t++)
            {
                if (tierSeconds[t] * scale > period)
                {
                    period = tierSeconds[t] * scale;
                    boundName = tiers[t].Name;
                }
            }

            if (host * scale > period)
            {
                period = host * scale;
                boundName = HostBound;
            }

            // Frames pass one at a time: one frame's latency is its share of the layer times plus its transfer.
            latency = (layerSum + host) / images;
            if (contexts > 1)
            {
                // Contexts run one after another over the whole batch: a frame's result waits for the last one.
                latency = Math.Max(latency, fabric!.BatchSeconds + host * scale);
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
        return new ThroughputEstimate(batch, fps, latency, computeTotal * scale, dram, dram * fps, tierPerFrame, boundName, layers)
        {
            NominalMacs = CheckedSize.Multiply(nominal, scale, "the MACs of the batch"),
            ExecutedMacs = CheckedSize.Multiply(executed, scale, "the MACs of the batch"),
            HostSeconds = host * scale,
            Contexts = contexts,
            CachedWeightBytes = (cachedWeights + images / 2) / images,
            StreamedWeightBytes = (streamedWeights + images / 2) / images,
            Stripes = stripes,
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
