using System.Text.Encodings.Web;
using System.Text.Json;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Throughput;

namespace FitCheck.Reports;

/// <summary>
/// `explain --format json`: one deployment's per-layer costs in the same conventions as
/// <see cref="JsonReport"/> (schemaVersion 1, camelCase, bytes as integers, fixed order).
/// </summary>
public static class ExplainJsonReport
{
    public static string ToString(CheckResult r, string toolVersion)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        }))
        {
            var a = r.Analysis;
            var p = r.Placement!;
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", JsonReport.SchemaVersion);
            w.WriteStartObject("tool");
            w.WriteString("name", "fitcheck");
            w.WriteString("version", toolVersion);
            w.WriteEndObject();
            w.WriteString("model", a.Model);
            w.WriteString("resolution", a.Resolution.ToString());
            w.WriteNumber("batch", a.Batch);
            w.WriteString("precision", a.Precision.Name());
            w.WriteString("accelerator", r.Accelerator);
            w.WriteString("placement", p.Summary);
            w.WriteStartObject("throughput");
            if (r.Throughput is { } t)
            {
                JsonReport.WriteDouble(w, "fps", t.Fps);
                JsonReport.WriteDouble(w, "latencySeconds", t.LatencySeconds);
                w.WriteNumber("dramBytesPerFrame", t.DramBytesPerFrame);
                JsonReport.WriteDouble(w, "dramBytesPerSecond", t.DramBytesPerSecond);
                w.WriteString("bound", t.Bound);
                ThroughputJson.WriteDetails(w, t);
            }

            w.WriteEndObject();
            w.WriteStartArray("layers");
            if (r.Throughput is { } est)
            {
                foreach (var cost in est.Layers)
                {
                    WriteLayer(w, a, p.Accelerator.Tiers.Select(x => x.Name).ToArray(), cost);
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("costliest");
            foreach (var cost in Costliest(r, 5))
            {
                w.WriteStringValue(a.Network.Layers[cost.Layer].Name);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The layers that took the most time, most first; ties keep network order.</summary>
    public static IReadOnlyList<LayerCost> Costliest(CheckResult r, int count) =>
        r.Throughput is null ? [] : r.Throughput.Layers.OrderByDescending(l => l.Seconds).ThenBy(l => l.Layer).Take(count).ToList();

    private static void WriteLayer(Utf8JsonWriter w, ModelAnalysis a, string[] tiers, LayerCost cost)
    {
        var layer = a.Network.Layers[cost.Layer];
        w.WriteStartObject();
        w.WriteNumber("index", layer.Index);
        w.WriteString("name", layer.Name);
        w.WriteString("kind", layer.Kind.ToString());
        w.WriteString("output", layer.Output.ToString());
        w.WriteNumber("parameters", layer.Parameters);
        w.WriteNumber("macs", layer.Macs);
        w.WriteStartObject("bytes");
        for (var t = 0; t < tiers.Length; t++)
        {
            w.WriteNumber(tiers[t], cost.TierBytes[t]);
        }

        w.WriteEndObject();
        JsonReport.WriteDouble(w, "computeSeconds", cost.ComputeSeconds);
        JsonReport.WriteDouble(w, "memorySeconds", cost.MemorySeconds);
        JsonReport.WriteDouble(w, "seconds", cost.Seconds);
        JsonReport.WriteDouble(w, "efficiency", cost.Efficiency);
        w.WriteNumber("executedMacs", cost.ExecutedMacs);
        if (cost.Run >= 0)
        {
            // 1-based like the console's run column; the run itself is throughput.striping.runs[run - 1].
            w.WriteNumber("run", cost.Run + 1);
            w.WriteNumber("extraMacs", cost.ExtraMacs);
        }

        w.WriteString("bound", cost.BoundTier < 0 ? ThroughputModel.ComputeBound : tiers[cost.BoundTier]);
        w.WriteEndObject();
    }
}
