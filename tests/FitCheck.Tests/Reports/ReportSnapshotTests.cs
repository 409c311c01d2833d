using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using FitCheck.Evaluation;
using FitCheck.Reports;
using FitCheck.Tests.Support;
using Json.Schema;

namespace FitCheck.Tests.Reports;

public class ReportSnapshotTests
{
    private static readonly ReportOptions Options = new("1.2.3", ReportFixtures.Accelerators);

    /// <summary>
    /// The OASIS SARIF 2.1.0 schema, descriptions left out (see its $comment). Loaded once: the schema
    /// registry refuses a second schema with the same $id.
    /// </summary>
    private static readonly JsonSchema SarifSchema = JsonSchema.FromText(File.ReadAllText(RepoPaths.Of("tests", "FitCheck.Tests", "Reports", "Data", "sarif-schema-2.1.0.json")));

    public static TheoryData<string> Cases => ["passing", "failing"];

    private static CheckReport Case(string name) => name == "passing" ? ReportFixtures.Passing() : ReportFixtures.Failing();

    [Theory]
    [MemberData(nameof(Cases))]
    public void MarkdownMatchesTheReviewedSnapshot(string name) =>
        TextSnapshot.Match($"{name}.md", MarkdownReport.ToString(Case(name), Options));

    [Theory]
    [MemberData(nameof(Cases))]
    public void JUnitMatchesTheReviewedSnapshot(string name) =>
        TextSnapshot.Match($"{name}.junit.xml", JUnitReport.ToString(Case(name), Options));

    [Theory]
    [MemberData(nameof(Cases))]
    public void SarifMatchesTheReviewedSnapshot(string name) =>
        TextSnapshot.Match($"{name}.sarif", SarifReport.ToString(Case(name), Options));

    [Fact]
    public void MarkdownShowsTheHandCheckedFigures()
    {
        var md = MarkdownReport.ToString(ReportFixtures.Failing(), Options);
        Assert.StartsWith("<!-- fitcheck-report -->\n## ❌ FitCheck: 1 of 4 deployments fail\n", md);
        // 1,200,000 + 3,200,000 + 140,000 = 4,540,000 B against 2,097,152 B of SRAM: more than the chip holds,
        // so no percentage (216 % would read as usage of a ceiling); 2,140,000 / 8,388,608 = 26 % is a usage.
        Assert.Contains("| netA | 448x448 | 1.2 MB | 3.2 MB | 140.0 kB | 4.5 MB / 2.1 MB on chip | – |", md);
        Assert.DoesNotContain("216 %", md);
        Assert.Contains("| netA | 224x224 | 1.2 MB | 800.0 kB | 140.0 kB | 2.1 MB / 8.4 MB on chip (26 %) | 200.0 |", md);
        // grid-npu: 128 x 64 KiB = 8,388,608 B; 2,140,000 / 8,388,608 = 26 %.
        Assert.Contains("| netA | 224x224 | 1.2 MB | 800.0 kB | 140.0 kB | 2.1 MB / 8.4 MB on chip (26 %) |", md);
        Assert.Contains("### grid-npu · local-sram 128 × 65.5 kB\n", md);
        // Chart: bars weights + activations 2.0 MB and 4.4 MB, line activations 0.8 MB and 3.2 MB.
        Assert.Contains("    bar [2.0, 4.4]\n    line [0.8, 3.2]\n", md);
        Assert.Contains("❌ **activations-fit**: activations 3.2 MB exceed", md);
    }

    [Fact]
    public void ASingleResolutionDrawsNoChart() =>
        Assert.DoesNotContain("mermaid", MarkdownReport.ToString(ReportFixtures.Passing(), Options));

    [Fact]
    public void ReportsDoNotDependOnTheCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = All();
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, All());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        static string All() =>
            MarkdownReport.ToString(ReportFixtures.Failing(), Options)
            + JUnitReport.ToString(ReportFixtures.Failing(), Options)
            + SarifReport.ToString(ReportFixtures.Failing(), Options);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void JUnitValidatesAgainstTheCommonSchema(string name)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, RepoPaths.Of("tests", "FitCheck.Tests", "Reports", "Data", "junit.xsd"));
        var errors = new List<string>();
        var document = XDocument.Parse(JUnitReport.ToString(Case(name), Options));
        document.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
    }

    [Fact]
    public void JUnitHasATestCasePerGateAndTheFailureMessage()
    {
        var xml = XDocument.Parse(JUnitReport.ToString(ReportFixtures.Failing(), Options));
        var root = xml.Root!;
        Assert.Equal("8", root.Attribute("tests")!.Value);
        Assert.Equal("1", root.Attribute("failures")!.Value);
        var failed = root.Descendants("testcase").Single(c => c.Element("failure") is not null);
        Assert.Equal("netA@448x448", failed.Attribute("classname")!.Value);
        Assert.Equal("tiny-npu/activations-fit", failed.Attribute("name")!.Value);
        Assert.Equal("31", failed.Attribute("line")!.Value);
        Assert.Equal("activations 3.2 MB exceed on-chip sram (1.9 MB usable of 2.1 MB with 10% headroom) by 1.3 MB",
            failed.Element("failure")!.Attribute("message")!.Value);
    }

    [Fact]
    public void JUnitCarriesATimestampOnlyWhenInjected()
    {
        Assert.DoesNotContain("timestamp", JUnitReport.ToString(ReportFixtures.Passing(), Options));
        var stamped = JUnitReport.ToString(ReportFixtures.Passing(), Options with { Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)) });
        Assert.Contains("timestamp=\"2026-01-02T02:04:05\"", stamped);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SarifValidatesAgainstTheSarifSchema(string name)
    {
        var schema = SarifSchema;
        using var instance = JsonDocument.Parse(SarifReport.ToString(Case(name), Options));
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void TheValidatorsRejectABrokenReport()
    {
        // Guards the two validations above: a result without a message, a test case without a name.
        var schema = SarifSchema;
        var sarif = SarifReport.ToString(ReportFixtures.Failing(), Options).Replace("\"message\"", "\"note\"", StringComparison.Ordinal);
        using var broken = JsonDocument.Parse(sarif);
        Assert.False(schema.Evaluate(broken.RootElement).IsValid);

        var schemas = new XmlSchemaSet();
        schemas.Add(null, RepoPaths.Of("tests", "FitCheck.Tests", "Reports", "Data", "junit.xsd"));
        var junit = XDocument.Parse(JUnitReport.ToString(ReportFixtures.Failing(), Options));
        junit.Root!.Descendants("testcase").First().Attribute("name")!.Remove();
        var errors = new List<string>();
        junit.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void SarifHasOneResultPerFailedGateAtTheDeployLine()
    {
        using var doc = JsonDocument.Parse(SarifReport.ToString(ReportFixtures.Failing(), Options));
        var run = doc.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("FitCheck", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        Assert.Equal(["weights-fit", "activations-fit"], driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("activations-fit", result.GetProperty("ruleId").GetString());
        Assert.Equal(1, result.GetProperty("ruleIndex").GetInt32());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("examples/failing/fitcheck.yml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(31, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(14, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void SarifOfAPassingRunHasNoResults()
    {
        using var doc = JsonDocument.Parse(SarifReport.ToString(ReportFixtures.Passing(), Options));
        Assert.Equal(0, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void TotalFitGatesShareOneRule()
    {
        Assert.Equal("total-fit", SarifReport.Kind("local-sram-total-fit"));
        Assert.Equal("total-fit", SarifReport.Kind("on-chip-total-fit"));
        Assert.Equal("max-weights", SarifReport.Kind("max-weights"));
    }

    [Fact]
    public void AnnotationsPointAtTheDeployLineAndEscapeSeparators()
    {
        using var w = new StringWriter { NewLine = "\n" };
        GitHubAnnotations.Write(w, ReportFixtures.Failing());
        Assert.Equal(
            "::error file=examples/failing/fitcheck.yml,line=31,col=14,title=FitCheck activations-fit%3A netA@448x448 on tiny-npu::"
            + "activations 3.2 MB exceed on-chip sram (1.9 MB usable of 2.1 MB with 10% headroom) by 1.3 MB\n".Replace("%", "%25", StringComparison.Ordinal),
            w.ToString());
    }
}
