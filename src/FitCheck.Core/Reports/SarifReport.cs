using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FitCheck.Evaluation;

namespace FitCheck.Reports;

/// <summary>
/// SARIF 2.1.0 for code scanning: one result per failed gate, at the manifest line of the deployment that
/// failed, so the pull request shows the failure on the line that asked for it. One rule per gate of the
/// <see cref="GateCatalog"/>, listed for every gate evaluated, failed or not, so rule indices are stable.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Stream output, CheckReport report, ReportOptions options)
    {
        var kinds = report.Results
            .SelectMany(r => r.Gates)
            .Select(g => Kind(g.Name))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(GateCatalog.Order)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();

        using var w = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", ReportOptions.ToolName);
        w.WriteString("version", options.ToolVersion);
        w.WriteString("semanticVersion", options.ToolVersion);
        w.WriteString("informationUri", ReportOptions.InformationUri);
        w.WriteStartArray("rules");
        foreach (var kind in kinds)
        {
            var gate = GateCatalog.Find(kind);
            w.WriteStartObject();
            w.WriteString("id", kind);
            w.WriteString("name", gate?.RuleName ?? kind);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", gate?.Description ?? $"The gate '{kind}' must pass.");
            w.WriteEndObject();
            // Code scanning shows these beside an alert; GitHub's ingestion requires both (GH2012).
            w.WriteStartObject("fullDescription");
            w.WriteString("text", SarifRuleHelp.FullDescription(kind));
            w.WriteEndObject();
            var (helpText, helpMarkdown) = SarifRuleHelp.Help(kind);
            w.WriteStartObject("help");
            w.WriteString("text", helpText);
            w.WriteString("markdown", helpMarkdown);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", "error");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("results");
        foreach (var r in report.Results)
        {
            foreach (var g in r.Gates.Where(g => !g.Passed))
            {
                Result(w, report, r, g, kinds);
            }
        }

        w.WriteEndArray();
        w.WriteString("columnKind", "unicodeCodePoints");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The rule id of a result: its catalogue gate ("local-sram-total-fit" is "total-fit"), else its own name.</summary>
    public static string Kind(string gate) => GateCatalog.Find(gate)?.Id ?? gate;

    public static string ToString(CheckReport report, ReportOptions options)
    {
        using var stream = new MemoryStream();
        Write(stream, report, options);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Result(Utf8JsonWriter w, CheckReport report, CheckResult r, GateResult g, List<string> kinds)
    {
        var a = r.Analysis;
        var kind = Kind(g.Name);
        var deployment = $"{a.Model}@{a.Resolution} on {r.RunsOn}";
        w.WriteStartObject();
        w.WriteString("ruleId", kind);
        w.WriteNumber("ruleIndex", kinds.IndexOf(kind));
        w.WriteString("level", "error");
        w.WriteStartObject("message");
        w.WriteString("text", $"{deployment}: {g.Message}");
        w.WriteEndObject();
        if (report.ManifestPath is { } manifest)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", Uri(manifest));
            w.WriteEndObject();
            if (r.DeployLocation is { } at)
            {
                w.WriteStartObject("region");
                w.WriteNumber("startLine", Math.Max(1, at.Line));
                w.WriteNumber("startColumn", Math.Max(1, at.Column));
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        // Code scanning matches alerts across commits by fingerprint; the deployment and gate identify one.
        w.WriteStartObject("partialFingerprints");
        w.WriteString("fitcheckDeployment/v1", $"{deployment}/{g.Name}");
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("model", a.Model);
        w.WriteString("resolution", a.Resolution.ToString());
        w.WriteString("accelerator", r.Accelerator);
        if (r.Group is { } group)
        {
            w.WriteString("group", group.Name);
        }

        w.WriteString("gate", g.Name);
        w.WriteNumber("weightBytes", a.WeightBytes);
        w.WriteNumber("activationBytes", a.Activations.PeakBytes);
        w.WriteNumber("codeBytes", a.CodeBytes);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A relative path stays relative (code scanning resolves it from the repository root); an absolute one becomes a file URI.</summary>
    public static string Uri(string path)
    {
        var slashed = path.Replace('\\', '/');
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join("/", slashed.Split('/').Select(System.Uri.EscapeDataString));
    }
}
