using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FitCheck.Evaluation;

namespace FitCheck.Reports;

/// <summary>
/// `sweep --format json`: the points of a sweep in <see cref="JsonReport"/>'s conventions (schemaVersion 1,
/// camelCase, bytes as integers, null fps where a model does not fit).
/// </summary>
public static class SweepJsonReport
{
    public static string ToString(SweepResult sweep)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", JsonReport.SchemaVersion);
            w.WriteStartArray("accelerators");
            foreach (var a in sweep.Accelerators)
            {
                w.WriteStartObject();
                w.WriteString("name", a.Name);
                w.WriteNumber("onChipBytes", a.OnChipBytes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("points");
            foreach (var p in sweep.Points)
            {
                w.WriteStartObject();
                w.WriteString("model", p.Model);
                w.WriteString("resolution", p.Resolution.ToString());
                w.WriteNumber("megapixels", p.Megapixels);
                w.WriteNumber("weightBytes", p.WeightBytes);
                w.WriteNumber("activationBytes", p.ActivationBytes);
                w.WriteNumber("codeBytes", p.CodeBytes);
                w.WriteNumber("totalBytes", p.TotalBytes);
                w.WriteStartObject("fps");
                for (var i = 0; i < sweep.Accelerators.Count; i++)
                {
                    if (p.Fps[i] is { } v)
                    {
                        JsonReport.WriteDouble(w, sweep.Accelerators[i].Name, v);
                    }
                    else
                    {
                        w.WriteNull(sweep.Accelerators[i].Name);
                    }
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var n in sweep.Notes)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
