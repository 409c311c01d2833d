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
}
