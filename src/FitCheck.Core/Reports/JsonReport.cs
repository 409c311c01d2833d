using System.Text.Encodings.Web;
using System.Text.Json;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Throughput;

namespace FitCheck.Reports;

/// <summary>
/// The versioned JSON contract (schemaVersion 1): camelCase, sizes as integer bytes, fixed property
/// order, invariant numbers — two runs over the same input are byte-identical. Written with
/// Utf8JsonWriter, so no reflection and nothing for the trimmer to lose.
/// </summary>
public static class JsonReport
{
    public const int SchemaVersion = 1;

    public static void Write(Stream output, CheckReport report, string toolVersion)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "fitcheck");
        w.WriteString("version", toolVersion);
        w.WriteEndObject();
        if (report.ManifestPath is null)
        {
            w.WriteNull("manifest");
        }
        else
        {
            w.WriteString("manifest", report.ManifestPath.Replace('\\', '/'));
        }

        w.WriteStartObject("summary");
        w.WriteNumber("results", report.Results.Count);
        w.WriteNumber("failed", report.FailedCount);
        w.WriteString("verdict", report.Results.Any(r => r.Passed is not null) ? (report.AllPassed ? "pass" : "fail") : null);
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var r in report.Results)
        {
            WriteResult(w, r);

            // Hand the bytes on as they come: 10^5 deployments are ~280 MB of JSON, which must not sit in the
            // writer's buffer (or anywhere) whole.
            if (w.BytesPending > 1 << 16)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The report and its final newline straight into <paramref name="output"/> (the same bytes as <see cref="ToString"/>).</summary>
    public static void WriteLine(Stream output, CheckReport report, string toolVersion)
    {
        Write(output, report, toolVersion);
        output.WriteByte((byte)'\n');
    }

    public static string ToString(CheckReport report, string toolVersion)
    {
        using var stream = new MemoryStream();
        Write(stream, report, toolVersion);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteResult(Utf8JsonWriter w, CheckResult r)
    {
        var a = r.Analysis;
        w.WriteStartObject();
        w.WriteString("model", a.Model);
        w.WriteString("resolution", a.Resolution.ToString());
        w.WriteNumber("batch", a.Batch);
        w.WriteString("precision", a.Precision.Name());
        if (r.Accelerator is null)
        {
            w.WriteNull("accelerator");
        }
        else
        {
            w.WriteString("accelerator", r.Accelerator);
        }

        w.WriteNumber("parameters", a.Parameters);
        w.WriteNumber("macs", a.Macs);
        w.WriteNumber("layers", a.Network.Layers.Count - 1);
        w.WriteNumber("weightBytes", a.WeightBytes);
        w.WriteNumber("codeBytes", a.CodeBytes);
        w.WriteStartObject("code");
        w.WriteNumber("runtimeBytes", a.CodeModel.RuntimeBytes);
        w.WriteNumber("perKernelBytes", a.CodeModel.PerKernelBytes);
        w.WriteNumber("perLayerBytes", a.CodeModel.PerLayerBytes);
        w.WriteNumber("distinctKernels", a.DistinctKernels);
        w.WriteEndObject();
        WriteActivations(w, a.Activations);
        WritePlacement(w, r.Placement, r.Throughput);
        WriteThroughput(w, r.Throughput);
        if (r.Passed is { } passed)
        {
            w.WriteString("verdict", passed ? "pass" : "fail");
        }
        else
        {
            w.WriteNull("verdict");
        }

        w.WriteStartArray("gates");
        foreach (var g in r.Gates)
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteBoolean("passed", g.Passed);
            w.WriteString("message", g.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (r.WouldPass is { } advice)
        {
            // Only on failed deployments, so passing reports keep their shape.
            w.WriteStartObject("wouldPass");
            w.WriteString("resolution", advice.Resolution);
            w.WriteString("tier", advice.Tier);
            if (advice.TierBytes is { } bytes)
            {
                w.WriteNumber("tierBytes", bytes);
            }
            else
            {
                w.WriteNull("tierBytes");
            }

            w.WriteString("sentence", advice.Sentence);
            w.WriteEndObject();
        }

        if (r.Group is { } group)
        {
            GroupJson.Write(w, group, r);
        }

        if (r.DeployLocation is { } at)
        {
            w.WriteStartObject("location");
            w.WriteNumber("line", at.Line);
            w.WriteNumber("column", at.Column);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Seconds, fps and rates, to 9 significant digits (estimates, not measurements: more digits are noise
    /// that makes diffs unreadable); an unbounded figure is null.
    /// </summary>
    public static void WriteDouble(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            var text = value.ToString("G9", System.Globalization.CultureInfo.InvariantCulture);
            w.WriteNumber(name, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WritePlacement(Utf8JsonWriter w, Placement? p, ThroughputEstimate? t)
    {
        if (p is null)
        {
            w.WriteNull("placement");
            return;
        }

        w.WriteStartObject("placement");
        w.WriteBoolean("fits", p.Fits);
        w.WriteString("summary", p.Summary);
        WriteItem(w, p, p.Code);
        WriteItem(w, p, p.Activations);
        WriteItem(w, p, p.Weights);
        w.WriteStartObject("spill");
        w.WriteNumber("keptArenaBytes", p.Spill.KeptArenaBytes);
        w.WriteNumber("spilledBytes", p.Spill.SpilledBytes);
        w.WriteNumber("spilledTensors", p.Spill.SpilledCount);
        WriteTier(w, "tier", p, p.Spill.SpillTier);
        w.WriteEndObject();
        w.WriteStartArray("streamedBytesPerFrame");
        if (t is not null)
        {
            for (var i = 0; i < t.TierBytesPerFrame.Length; i++)
            {
                if (!p.Accelerator.Tiers[i].OnChip && t.TierBytesPerFrame[i] > 0)
                {
                    w.WriteStartObject();
                    w.WriteString("tier", p.Accelerator.Tiers[i].Name);
                    w.WriteNumber("bytes", t.TierBytesPerFrame[i]);
                    w.WriteEndObject();
                }
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter w, Placement p, ItemPlacement item)
    {
        w.WriteStartObject(item.Item);
        w.WriteNumber("bytes", item.Bytes);
        WriteTier(w, "tier", p, item.Tier);
        w.WriteBoolean("streamed", item.Streamed);
        w.WriteEndObject();
    }

    private static void WriteTier(Utf8JsonWriter w, string name, Placement p, int tier)
    {
        if (tier < 0)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, p.Accelerator.Tiers[tier].Name);
        }
    }

    private static void WriteThroughput(Utf8JsonWriter w, ThroughputEstimate? t)
    {
        if (t is null)
        {
            w.WriteNull("throughput");
            return;
        }

        w.WriteStartObject("throughput");
        WriteDouble(w, "fps", t.Fps);
        WriteDouble(w, "latencySeconds", t.LatencySeconds);
        WriteDouble(w, "computeBoundFps", t.ComputeBoundFps);
        w.WriteNumber("dramBytesPerFrame", t.DramBytesPerFrame);
        WriteDouble(w, "dramBytesPerSecond", t.DramBytesPerSecond);
        w.WriteString("bound", t.Bound);
        ThroughputJson.WriteDetails(w, t);
        w.WriteEndObject();
    }

    private static void WriteActivations(Utf8JsonWriter w, ActivationPlan p)
    {
        w.WriteStartObject("activations");
        w.WriteNumber("peakBytes", p.PeakBytes);
        w.WriteNumber("lowerBoundBytes", p.LowerBoundBytes);
        w.WriteNumber("largestPairBytes", p.LargestPairBytes);
        w.WriteString("largestPairLayer", p.LargestPairLayer);
        w.WriteNumber("largestTensorBytes", p.LargestTensorBytes);
        w.WriteNumber("secondLargestTensorBytes", p.SecondLargestTensorBytes);
        w.WriteEndObject();
    }
}
