using System.Text.Encodings.Web;
using System.Text.Json;
using FitCheck.Analysis;
using FitCheck.Evaluation;

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
        }

        w.WriteEndArray();
        w.WriteEndObject();
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
        if (r.DeployLocation is { } at)
        {
            w.WriteStartObject("location");
            w.WriteNumber("line", at.Line);
            w.WriteNumber("column", at.Column);
            w.WriteEndObject();
        }

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
