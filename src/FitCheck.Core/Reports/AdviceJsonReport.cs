using System.Text.Encodings.Web;
using System.Text.Json;
using FitCheck.Advice;
using FitCheck.Analysis;
using FitCheck.Evaluation;

namespace FitCheck.Reports;

/// <summary>
/// `advise --format json`: schemaVersion 1 like the check report, one object per answer in a fixed order.
/// `value` is the answer as text ("1408x800", "24.0 MiB", "fp16", "8") and `number` the same as an integer
/// (pixels, bytes, precision bytes per element, batch); `next` is the neighbouring step beyond the answer
/// and `nextFails` the gates that fail there. `status`: found, at-limit (the range's end still passes) or none.
/// </summary>
public static class AdviceJsonReport
{
    public static string ToString(AdviceReport report, string toolVersion)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", JsonReport.SchemaVersion);
            w.WriteStartObject("tool");
            w.WriteString("name", "fitcheck");
            w.WriteString("version", toolVersion);
            w.WriteEndObject();
            w.WriteString("manifest", report.ManifestPath?.Replace('\\', '/'));
            w.WriteStartObject("question");
            w.WriteStartArray("asked");
            foreach (var name in report.Question.Names())
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteString("for", report.Question.For);
            w.WriteString("minMemoryTier", report.Question.MinMemoryTier);
            w.WriteEndObject();
            w.WriteStartObject("summary");
            w.WriteNumber("answers", report.Answers.Count);
            w.WriteNumber("unanswered", report.Answers.Count(a => a.Status == AdviceStatus.None));
            w.WriteEndObject();
            w.WriteStartArray("answers");
            foreach (var a in report.Answers)
            {
                WriteAnswer(w, a);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Status(AdviceStatus s) => s switch
    {
        AdviceStatus.Found => "found",
        AdviceStatus.AtLimit => "at-limit",
        _ => "none",
    };

    private static void WriteAnswer(Utf8JsonWriter w, AdviceAnswer a)
    {
        var t = a.Target;
        w.WriteStartObject();
        w.WriteString("model", t.Model);
        w.WriteString("resolution", t.Resolution.ToString());
        w.WriteNumber("batch", t.Batch);
        w.WriteString("precision", t.Precision.Name());
        w.WriteString("accelerator", t.Accelerator.Name);
        w.WriteString("group", a.Group);
        w.WriteString("question", a.Question);
        w.WriteString("gate", a.Gate);
        w.WriteString("status", Status(a.Status));
        w.WriteString("value", a.Value);
        if (a.Number is { } n)
        {
            w.WriteNumber("number", n);
        }
        else
        {
            w.WriteNull("number");
        }

        w.WriteString("next", a.Next);
        w.WriteStartArray("nextFails");
        foreach (var g in a.NextFailures)
        {
            WriteGate(w, g);
        }

        w.WriteEndArray();
        w.WriteString("sentence", a.Sentence);
        w.WriteString("method", a.Method);
        w.WriteNumber("evaluated", a.Evaluated);
        w.WriteEndObject();
    }

    private static void WriteGate(Utf8JsonWriter w, GateResult g)
    {
        w.WriteStartObject();
        w.WriteString("gate", g.Name);
        w.WriteString("message", g.Message);
        w.WriteEndObject();
    }
}
