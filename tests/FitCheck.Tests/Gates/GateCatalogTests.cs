using System.Text.Json;
using FitCheck.Evaluation;
using FitCheck.Manifest;
using FitCheck.Reports;
using FitCheck.Tests.Reports;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Gates;

/// <summary>The gate catalogue is the one list: every row reaches the schema, the SARIF rules and the Markdown legend.</summary>
public sealed class GateCatalogTests
{
    public static TheoryData<string> Ids => [.. GateCatalog.All.Select(d => d.Id)];

    [Fact]
    public void IdsAndManifestKeysAreUnique()
    {
        Assert.Equal(GateCatalog.All.Count, GateCatalog.All.Select(d => d.Id).Distinct().Count());
        Assert.Equal(GateCatalog.ManifestKeys.Count(), GateCatalog.ManifestKeys.Distinct().Count());
        Assert.All(GateCatalog.All, d => Assert.Equal(d.ManifestKey is null, d.Value == GateValueKind.None));
    }

    [Fact]
    public void TheManifestAcceptsExactlyTheCatalogueKeysAndHeadroom() =>
        Assert.Equal([.. GateCatalog.ManifestKeys, "headroom"], ManifestKeys.Gates);

    [Fact]
    public void EveryGateWithAManifestKeyIsInTheSchema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("schema", "fitcheck.schema.json")));
        var gates = schema.RootElement.GetProperty("$defs").GetProperty("gates").GetProperty("properties");
        foreach (var d in GateCatalog.All.Where(d => d.ManifestKey is not null))
        {
            Assert.True(gates.TryGetProperty(d.ManifestKey!, out var property), $"schema lacks gates.{d.ManifestKey}");
            Assert.True(property.TryGetProperty("description", out _) || property.TryGetProperty("$ref", out _), d.ManifestKey);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryGateIsASarifRuleWithItsNameAndDescription(string id)
    {
        var d = GateCatalog.All.Single(x => x.Id == id);
        var report = WithFailedGate(d.PerTarget ? "on-chip-" + id : id);
        using var doc = JsonDocument.Parse(SarifReport.ToString(report, new ReportOptions("1.0.0")));
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var rule = Assert.Single(rules, r => r.GetProperty("id").GetString() == id);
        Assert.Equal(d.RuleName, rule.GetProperty("name").GetString());
        Assert.Equal(d.Description, rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Contains(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryGateIsInTheMarkdownLegendWithItsWording(string id)
    {
        var d = GateCatalog.All.Single(x => x.Id == id);
        var md = MarkdownReport.ToString(WithFailedGate(d.PerTarget ? "local-sram-" + id : id), new ReportOptions("1.0.0"));
        Assert.Contains($"| `{id}` | {d.Legend.Replace("|", "\\|", StringComparison.Ordinal)} |\n", md);
    }

    [Fact]
    public void AResultNameBelongsToOneRow()
    {
        Assert.Equal("total-fit", GateCatalog.Find("local-sram-total-fit")?.Id);
        Assert.Equal("weights-fit", GateCatalog.Find("weights-fit")?.Id);
        Assert.Null(GateCatalog.Find("made-up"));
    }

    private static Evaluation.CheckReport WithFailedGate(string name) => new(ReportFixtures.Manifest,
    [
        ReportFixtures.Result(224, 800_000, "tiny-npu", 30, ReportFixtures.Fail(name, "it failed")),
    ]);
}
