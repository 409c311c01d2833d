using System.Globalization;
using System.Text.Json;
using FitCheck.Diagnostics;

namespace FitCheck.Baseline;

/// <summary>
/// Reads the deployments of an earlier `--format json` report (schemaVersion 1) with JsonDocument, so no
/// reflection. Anything that is not such a report is an input error (FC06xx) at the offending line.
/// </summary>
public static class BaselineReader
{
    public static IReadOnlyList<DeploymentFigures> Read(string path, ReadOnlyMemory<byte> json)
    {
        // A UTF-8 byte order mark is legal in a file but not to the JSON reader.
        if (json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (int)Math.Min(int.MaxValue - 1, e.LineNumber ?? 0) + 1;
            var column = (int)Math.Min(int.MaxValue - 1, e.BytePositionInLine ?? 0) + 1;
            throw new FitCheckException(DiagnosticCatalog.BaselineNotJson(path, Reason(e.Message), new SourceLocation(path, line, column)));
        }

        using (document)
        {
            var reader = new Reader(path, JsonPositions.Map(json.Span));
            return reader.Report(document.RootElement);
        }
    }

    /// <summary>The reader's message without the position it appends, which the location already carries.</summary>
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd(' ', '|');
    }

    private sealed class Reader(string file, JsonPositions positions)
    {
        public List<DeploymentFigures> Report(JsonElement root)
        {
            Expect(root, "$", JsonValueKind.Object, "an object");
            var version = Property(root, "$", "schemaVersion", JsonValueKind.Number, "a number");
            if (!version.TryGetInt32(out var v) || v != 1)
            {
                throw new FitCheckException(DiagnosticCatalog.BaselineVersion(file, version.GetRawText(), At("$.schemaVersion")));
            }

            var results = Property(root, "$", "results", JsonValueKind.Array, "an array");
            var list = new List<DeploymentFigures>();
            var i = 0;
            foreach (var r in results.EnumerateArray())
            {
                list.Add(Deployment(r, "$.results[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                i++;
            }

            return list;
        }

        private DeploymentFigures Deployment(JsonElement r, string at)
        {
            Expect(r, at, JsonValueKind.Object, "an object");
            var model = Property(r, at, "model", JsonValueKind.String, "a string").GetString()!;
            var resolution = Property(r, at, "resolution", JsonValueKind.String, "a string").GetString()!;
            string? accelerator = null;
            if (r.TryGetProperty("accelerator", out var acc) && acc.ValueKind != JsonValueKind.Null)
            {
                Expect(acc, at + ".accelerator", JsonValueKind.String, "a string or null");
                accelerator = acc.GetString();
            }

            var weights = Bytes(r, at, "weightBytes");
            var code = Bytes(r, at, "codeBytes");
            var activations = Bytes(Property(r, at, "activations", JsonValueKind.Object, "an object"), at + ".activations", "peakBytes");
            // Precision and batch are optional: a baseline written by an older version still compares.
            var precision = r.TryGetProperty("precision", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            int? batch = r.TryGetProperty("batch", out var b) && b.ValueKind == JsonValueKind.Number && b.TryGetInt32(out var n) ? n : null;
            return new DeploymentFigures(model, resolution, accelerator, weights, activations, code, Fps(r, at)) { Precision = precision, Batch = batch };
        }

        /// <summary>Frame rate as `fps` on the result or inside its `throughput` object; absent or null means unknown.</summary>
        private double? Fps(JsonElement r, string at)
        {
            if (r.TryGetProperty("fps", out var fps) && fps.ValueKind != JsonValueKind.Null)
            {
                Expect(fps, at + ".fps", JsonValueKind.Number, "a number");
                return fps.GetDouble();
            }

            if (r.TryGetProperty("throughput", out var t) && t.ValueKind == JsonValueKind.Object
                && t.TryGetProperty("fps", out var inner) && inner.ValueKind != JsonValueKind.Null)
            {
                Expect(inner, at + ".throughput.fps", JsonValueKind.Number, "a number");
                return inner.GetDouble();
            }

            return null;
        }

        private long Bytes(JsonElement parent, string at, string name)
        {
            var value = Property(parent, at, name, JsonValueKind.Number, "a whole number of bytes");
            if (!value.TryGetInt64(out var bytes) || bytes < 0)
            {
                throw Shape(at + "." + name, $"must be a whole number of bytes from 0 up, not {value.GetRawText()}");
            }

            return bytes;
        }

        private JsonElement Property(JsonElement parent, string at, string name, JsonValueKind kind, string what)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                throw Shape(at, $"has no \"{name}\" (expected {what})");
            }

            Expect(value, at + "." + name, kind, what);
            return value;
        }

        private void Expect(JsonElement value, string at, JsonValueKind kind, string what)
        {
            if (value.ValueKind != kind)
            {
                throw Shape(at, $"must be {what}, not {Describe(value.ValueKind)}");
            }
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };

        private FitCheckException Shape(string jsonPath, string problem) =>
            new(DiagnosticCatalog.BaselineShape(file, jsonPath, problem, At(jsonPath)));

        private SourceLocation At(string jsonPath)
        {
            var (line, column) = positions.Of(jsonPath);
            return new SourceLocation(file, line, column);
        }
    }
}
