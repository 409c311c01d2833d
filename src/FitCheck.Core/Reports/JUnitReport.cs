using System.Globalization;
using System.Text;
using System.Xml;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Units;

namespace FitCheck.Reports;

/// <summary>
/// JUnit XML, the format every CI understands: one test suite per model@resolution, one test case per
/// accelerator gate (classname = model@resolution, name = accelerator/gate), a failure carrying the gate's
/// message. With a growth budget each compared deployment has an accelerator/max-growth case, as every format does. Times are
/// 0 and there is no timestamp unless one is injected, so the file is deterministic.
/// </summary>
public static class JUnitReport
{
    public static void Write(Stream output, CheckReport report, ReportOptions options)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        var suites = Suites(report);
        using var w = XmlWriter.Create(output, settings);
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteAttributeString("name", ReportOptions.ToolName + (report.ManifestPath is { } m ? " " + m.Replace('\\', '/') : ""));
        Counts(w, suites.SelectMany(s => s.Cases).ToList());
        foreach (var suite in suites)
        {
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", suite.Name);
            Counts(w, suite.Cases);
            if (options.Timestamp is { } t)
            {
                w.WriteAttributeString("timestamp", t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            }

            w.WriteStartElement("properties");
            Property(w, "tool", $"{ReportOptions.ToolName} {options.ToolVersion}");
            if (report.ManifestPath is { } manifest)
            {
                Property(w, "manifest", manifest.Replace('\\', '/'));
            }

            Property(w, "precision", suite.Precision);
            Property(w, "batch", suite.Batch);
            w.WriteEndElement();

            foreach (var c in suite.Cases)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", suite.Name);
                w.WriteAttributeString("name", c.Name);
                w.WriteAttributeString("time", "0");
                if (report.ManifestPath is { } file && c.Line is { } line)
                {
                    w.WriteAttributeString("file", file.Replace('\\', '/'));
                    w.WriteAttributeString("line", line.ToString(CultureInfo.InvariantCulture));
                }

                if (c.Failure is { } failure)
                {
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("message", failure);
                    w.WriteAttributeString("type", c.Kind);
                    w.WriteString(failure + "\n" + c.Figures);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    public static string ToString(CheckReport report, ReportOptions options)
    {
        using var stream = new MemoryStream();
        Write(stream, report, options);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private sealed record Case(string Name, string Kind, string? Failure, string Figures, int? Line);

    private sealed record Suite(string Name, string Precision, string Batch, List<Case> Cases);

    private static List<Suite> Suites(CheckReport report)
    {
        var suites = new List<Suite>();
        foreach (var r in report.Results.Where(r => r.Accelerator is not null))
        {
            var a = r.Analysis;
            var name = $"{a.Model}@{a.Resolution}";
            var suite = suites.Find(s => s.Name == name);
            if (suite is null)
            {
                suite = new Suite(name, a.Precision.Name(), a.Batch.ToString(CultureInfo.InvariantCulture), []);
                suites.Add(suite);
            }

            var figures = $"weights {ByteFormat.Human(a.WeightBytes)}, activations {ByteFormat.Human(a.Activations.PeakBytes)}, code {ByteFormat.Human(a.CodeBytes)}";
            var line = r.DeployLocation?.Line;
            foreach (var g in r.Gates)
            {
                suite.Cases.Add(new Case($"{r.RunsOn}/{g.Name}", SarifReport.Kind(g.Name), g.Passed ? null : g.Message, figures, line));
            }
        }

        return suites;
    }

    private static void Counts(XmlWriter w, List<Case> cases)
    {
        w.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", cases.Count(c => c.Failure is not null).ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", "0");
        w.WriteAttributeString("time", "0");
    }

    private static void Property(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }
}
