using System.Text.Json;
using FitCheck.Throughput;

namespace FitCheck.Reports;

/// <summary>
/// The throughput figures both the check report and `explain` add to their `throughput` object: nominal and
/// executed MACs, host transfer, the cached/streamed weight split and the assumptions behind the estimate.
/// </summary>
internal static class ThroughputJson
{
    public static void WriteDetails(Utf8JsonWriter w, ThroughputEstimate t)
    {
        w.WriteNumber("nominalMacs", t.NominalMacs);
        w.WriteNumber("executedMacs", t.ExecutedMacs);
        JsonReport.WriteDouble(w, "hostSeconds", t.HostSeconds);
        w.WriteNumber("cachedWeightBytesPerFrame", t.CachedWeightBytes);
        w.WriteNumber("streamedWeightBytesPerFrame", t.StreamedWeightBytes);
        WriteStriping(w, t);
        var a = t.Assumptions;
        if (ReferenceEquals(a, ThroughputAssumptions.Empty))
        {
            return;
        }

        w.WriteStartObject("assumptions");
        JsonReport.WriteDouble(w, "peakMacsPerSecond", a.PeakMacsPerSecond);
        JsonReport.WriteDouble(w, "utilization", a.Utilization);
        w.WriteString("efficiency", a.Efficiency);
        w.WriteString("execution", a.Execution);
        w.WriteString("overlap", a.Overlap);
        w.WriteStartObject("bandwidths");
        foreach (var (tier, bytesPerSecond) in a.Bandwidths)
        {
            JsonReport.WriteDouble(w, tier, bytesPerSecond);
        }

        w.WriteEndObject();
        w.WriteString("weightCaching", a.Caching);
        w.WriteString("striping", a.Striping);
        w.WriteString("hostLink", a.HostLink);
        w.WriteEndObject();
    }

    /// <summary>
    /// The striped runs, only when some run is striped: per run its first and last layer (network indices), stripe
    /// height in the last layer's output rows, stripes, on-chip footprint, recomputed MACs and off-chip bytes (per batch).
    /// </summary>
    private static void WriteStriping(Utf8JsonWriter w, ThroughputEstimate t)
    {
        var plan = t.Stripes;
        if (!plan.Any)
        {
            return;
        }

        w.WriteStartObject("striping");
        w.WriteNumber("onChipBytes", plan.OnChipBytes);
        w.WriteNumber("extraMacs", plan.TotalExtraMacs);
        w.WriteStartArray("runs");
        foreach (var r in plan.Runs)
        {
            w.WriteStartObject();
            w.WriteNumber("firstLayer", t.Layers[r.First].Layer);
            w.WriteNumber("lastLayer", t.Layers[r.Last].Layer);
            w.WriteNumber("stripeRows", r.StripeRows);
            w.WriteNumber("stripes", r.Stripes);
            w.WriteNumber("onChipBytes", r.OnChipBytes);
            w.WriteNumber("extraMacs", r.ExtraMacs);
            w.WriteNumber("offChipBytes", r.OffChipBytes);
            JsonReport.WriteDouble(w, "seconds", r.Seconds);
            JsonReport.WriteDouble(w, "spilledSeconds", r.SpillSeconds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
