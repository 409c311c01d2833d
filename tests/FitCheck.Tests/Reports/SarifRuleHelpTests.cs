using System.Text.Json;
using FitCheck.Baseline;
using FitCheck.Evaluation;
using FitCheck.Reports;

namespace FitCheck.Tests.Reports;

/// <summary>GitHub's ingestion rules (GH2012): every SARIF rule has a fullDescription and help, text and Markdown.</summary>
public sealed class SarifRuleHelpTests
{
    [Fact]
    public void EveryRuleExplainsItselfAndSaysWhatToDo()
    {
        var old = ReportFixtures.Failing().Results.Select(r => DeploymentFigures.From(r) with { ActivationBytes = 1 }).ToList();
        var comparison = BaselineComparison.Compare("old.json", old, ReportFixtures.Failing().Results.Select(DeploymentFigures.From).ToList(), 0.05);
        using var doc = JsonDocument.Parse(SarifReport.ToString(ReportFixtures.Failing(), new ReportOptions("1.2.3", ReportFixtures.Accelerators, comparison)));
        var rules = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            var full = rule.GetProperty("fullDescription").GetProperty("text").GetString()!;
            Assert.StartsWith(GateCatalog.Find(id)!.Description, full);
            Assert.True(full.Length > rule.GetProperty("shortDescription").GetProperty("text").GetString()!.Length);
            Assert.Contains("To fix:", rule.GetProperty("help").GetProperty("text").GetString());
            Assert.Contains("**To fix:**", rule.GetProperty("help").GetProperty("markdown").GetString());
        }

        // Every gate of the catalogue has both texts; growth and fit failures get different advice.
        Assert.All(GateCatalog.All, d => Assert.StartsWith(d.Description, SarifRuleHelp.FullDescription(d.Id)));
        Assert.NotEqual(SarifRuleHelp.Help("max-growth"), SarifRuleHelp.Help("activations-fit"));
    }
}
