using System.Text;
using FitCheck.Baseline;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Reports;
using FitCheck.Tests.Reports;

namespace FitCheck.Tests.Baseline;

public class BaselineTests
{
    // Then: netA@224 on tiny-npu and grid-npu, netA@448 on tiny-npu, netB@320 on tiny-npu (removed since).
    // Now (ReportFixtures.Failing): netA@224 on both, netA@448 on both (grid-npu added).
    private const string OldJson = """
        {
          "schemaVersion": 1,
          "tool": { "name": "fitcheck", "version": "1.2.2" },
          "results": [
            { "model": "netA", "resolution": "224x224", "accelerator": "tiny-npu",
              "weightBytes": 1300000, "codeBytes": 140000, "activations": { "peakBytes": 800000 } },
            { "model": "netA", "resolution": "224x224", "accelerator": "grid-npu",
              "weightBytes": 1200000, "codeBytes": 140000, "activations": { "peakBytes": 800000 } },
            { "model": "netA", "resolution": "448x448", "accelerator": "tiny-npu",
              "weightBytes": 1200000, "codeBytes": 140000, "activations": { "peakBytes": 2500000 } },
            { "model": "netB", "resolution": "320x320", "accelerator": "tiny-npu",
              "weightBytes": 500000, "codeBytes": 100000, "activations": { "peakBytes": 400000 } }
          ]
        }
        """;

    private static BaselineComparison Compare(double? maxGrowth = null) =>
        BaselineComparison.Compare("old.json", BaselineReader.Read("old.json", Encoding.UTF8.GetBytes(OldJson)),
            ReportFixtures.Failing().Results.Select(DeploymentFigures.From).ToList(), maxGrowth);

    [Fact]
    public void AGrownModelShowsItsDeltaInBytesAndPercent()
    {
        var grown = Compare().Deployments.Single(d => d.Key == "netA@448x448 on tiny-npu");
        Assert.Equal(DiffStatus.Changed, grown.Status);
        var activations = grown.Figure(BaselineComparison.Activations)!;
        // 2,500,000 -> 3,200,000: +700,000 B = +28 %.
        Assert.Equal(700_000, activations.Change);
        Assert.Equal("activations 2.5 MB → 3.2 MB, +28 %", activations.ToString());
        Assert.True(grown.Figure(BaselineComparison.Weights)!.Unchanged);
    }

    [Fact]
    public void AShrunkModelShowsANegativeDelta()
    {
        var shrunk = Compare().Deployments.Single(d => d.Key == "netA@224x224 on tiny-npu");
        // 1,300,000 -> 1,200,000: -100,000 B = -7.69 %, shown with one decimal under 10 %.
        Assert.Equal("weights 1.3 MB → 1.2 MB, −7.7 %", shrunk.Figure(BaselineComparison.Weights)!.ToString());
        Assert.Equal(0, shrunk.Figure(BaselineComparison.Weights)!.Regression);
    }

    [Fact]
    public void AddedAndRemovedDeploymentsAreListed()
    {
        var c = Compare();
        Assert.Equal(
            [
                ("netA@224x224 on tiny-npu", DiffStatus.Changed),
                ("netA@224x224 on grid-npu", DiffStatus.Unchanged),
                ("netA@448x448 on tiny-npu", DiffStatus.Changed),
                ("netA@448x448 on grid-npu", DiffStatus.Added),
                ("netB@320x320 on tiny-npu", DiffStatus.Removed),
            ],
            c.Deployments.Select(d => (d.Key, d.Status)));
    }

    [Fact]
    public void GrowthBeyondTheBudgetFailsAndShrinkingDoesNot()
    {
        Assert.True(Compare(0.30).Passed); // +28 % is within 30 %
        var c = Compare(0.05);
        var v = Assert.Single(c.Violations);
        Assert.Equal("netA@448x448 on tiny-npu", v.Deployment.Key);
        Assert.Equal(BaselineComparison.Activations, v.Delta.Figure);
        Assert.Equal("activations 2.5 MB → 3.2 MB, +28 %", v.Delta.ToString());
    }

    [Fact]
    public void AnFpsDropBeyondTheBudgetFails()
    {
        var then = new DeploymentFigures("m", "224x224", "npu", 100, 100, 100, 50);
        var now = then with { Fps = 44 };
        var c = BaselineComparison.Compare("old.json", [then], [now], 0.10);
        var v = Assert.Single(c.Violations);
        Assert.Equal("fps 50.0 → 44.0, −12 %", v.Delta.ToString());
        Assert.True(BaselineComparison.Compare("old.json", [then], [now], 0.15).Passed);
    }

    [Fact]
    public void MarkdownShowsAnFpsDrop()
    {
        // Then 50 fps on the first three; now 50, 200 (+300 %), none (not comparable) and 50 (added).
        var old = ReportFixtures.Failing().Results.Take(3).Select(r => DeploymentFigures.From(r) with { Fps = 50 }).ToList();
        var c = BaselineComparison.Compare("old.json", old, ReportFixtures.Failing().Results.Select(DeploymentFigures.From).ToList(), null);
        var md = MarkdownReport.ToString(ReportFixtures.Failing(), new ReportOptions("1.2.3", ReportFixtures.Accelerators, c));
        Assert.Contains("| deployment | weights | activations | code | fps |\n", md);
        Assert.Contains("| netA@224x224 on grid-npu | ±0 | ±0 | ±0 | 50.0 → 200.0, +300 % |\n", md);
        // It ran at 50 fps then and has no estimate now: the row says why instead of showing "–".
        Assert.Contains("| netA@448x448 on tiny-npu | ±0 | ±0 | ±0 | 50.0 → none (it no longer fits, so it does not run) |\n", md);
    }

    [Fact]
    public void FpsRoundedByTheJsonReportIsUnchanged()
    {
        // 11.89527968... written as 11.8952797 (9 significant digits) must not read as a change or a regression.
        var then = new DeploymentFigures("m", "224x224", "npu", 100, 100, 100, 11.8952797);
        var now = then with { Fps = 11.895279684 };
        var c = BaselineComparison.Compare("old.json", [then], [now], 0);
        Assert.Equal(DiffStatus.Unchanged, Assert.Single(c.Deployments).Status);
        Assert.True(c.Passed);
    }

    [Fact]
    public void FpsIsReadFromTheResultOrItsThroughput()
    {
        const string json = """
            { "schemaVersion": 1, "results": [
              { "model": "a", "resolution": "1x1", "accelerator": null, "weightBytes": 1, "codeBytes": 2, "activations": { "peakBytes": 3 }, "fps": 12.5 },
              { "model": "b", "resolution": "1x1", "accelerator": "x", "weightBytes": 1, "codeBytes": 2, "activations": { "peakBytes": 3 }, "throughput": { "fps": 7 } } ] }
            """;
        var figures = BaselineReader.Read("b.json", Encoding.UTF8.GetBytes(json));
        Assert.Equal([12.5, 7.0], figures.Select(f => f.Fps!.Value));
        Assert.Equal("a@1x1", figures[0].Key);
    }

    [Fact]
    public void MarkdownShowsTheDeltasAndTheBudget()
    {
        var c = Compare(0.05);
        var md = MarkdownReport.ToString(c.ApplyTo(ReportFixtures.Failing()), new ReportOptions("1.2.3", ReportFixtures.Accelerators, c));
        Assert.Contains("## ❌ FitCheck: 1 of 4 deployments fail (1 beyond the 5 % growth budget)\n", md);
        Assert.Contains("| netA@448x448 on tiny-npu | ±0 | 2.5 MB → 3.2 MB, +28 % ❌ | ±0 |\n", md);
        Assert.Contains("| netA@224x224 on tiny-npu | 1.3 MB → 1.2 MB, −7.7 % | ±0 | ±0 |\n", md);
        Assert.Contains("| netA@448x448 on grid-npu | _added_ |  |  |\n", md);
        Assert.Contains("| netB@320x320 on tiny-npu | _removed_ |  |  |\n", md);
        Assert.Contains("1 other deployment is unchanged.", md);
        TextSnapshot.Match("baseline.md", md);
    }

    [Fact]
    public void GrowthBeyondTheBudgetIsASarifResultAndAnAnnotationAtTheDeployLine()
    {
        var options = new ReportOptions("1.2.3", ReportFixtures.Accelerators, Compare(0.05));
        var report = options.Baseline!.ApplyTo(ReportFixtures.Failing());
        using var doc = System.Text.Json.JsonDocument.Parse(SarifReport.ToString(report, options));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal(["weights-fit", "activations-fit", "max-growth"],
            run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
        var growth = Assert.Single(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "max-growth");
        Assert.Equal(2, growth.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("netA@448x448 on tiny-npu: activations 2.5 MB → 3.2 MB, +28 % grows more than the 5 % budget against old.json",
            growth.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(31, growth.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());

        using var w = new StringWriter { NewLine = "\n" };
        GitHubAnnotations.Write(w, report);
        Assert.EndsWith("::error file=examples/failing/fitcheck.yml,line=31,col=14,title=FitCheck max-growth%3A netA@448x448 on tiny-npu::"
            + "activations 2.5 MB → 3.2 MB, +28 %25 grows more than the 5 %25 budget against old.json\n", w.ToString());
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1,\n  \"results\": [ }", "FC0601", 2, 16)]
    [InlineData("[1, 2]", "FC0602", 1, 1)]
    [InlineData("{\"schemaVersion\": 2, \"results\": []}", "FC0603", 1, 19)]
    [InlineData("{\"schemaVersion\": 1,\n\"results\": [\n  {\"model\": \"a\", \"resolution\": \"1x1\", \"weightBytes\": \"big\"}]}", "FC0602", 3, 54)]
    [InlineData("{\"schemaVersion\": 1,\n\"results\": [\n  {\"model\": \"a\"}]}", "FC0602", 3, 3)]
    public void AMalformedBaselineIsAnInputErrorAtItsPosition(string json, string id, int line, int column)
    {
        var e = Assert.Throws<FitCheckException>(() => BaselineReader.Read("old.json", Encoding.UTF8.GetBytes(json)));
        Assert.Equal(id, e.Diagnostic.Id);
        Assert.Equal(new SourceLocation("old.json", line, column), e.Diagnostic.Location);
        Assert.Contains("old.json", e.Diagnostic.Message);
        Assert.NotNull(e.Diagnostic.Hint);
    }

    [Fact]
    public void AMissingFigureIsNamedByItsJsonPath()
    {
        const string json = "{\"schemaVersion\": 1, \"results\": [{\"model\": \"a\", \"resolution\": \"1x1\", \"weightBytes\": 1, \"codeBytes\": 1}]}";
        var e = Assert.Throws<FitCheckException>(() => BaselineReader.Read("old.json", Encoding.UTF8.GetBytes(json)));
        Assert.Equal("baseline 'old.json': $.results[0] has no \"activations\" (expected an object)", e.Diagnostic.Message);
    }

    [Fact]
    public void TheJsonReportRoundTripsThroughTheBaselineReader()
    {
        var report = ReportFixtures.Failing();
        var json = JsonReport.ToString(report, "1.2.3");
        var figures = BaselineReader.Read("r.json", Encoding.UTF8.GetBytes(json));
        Assert.Equal(report.Results.Select(DeploymentFigures.From), figures);
        Assert.All(BaselineComparison.Compare("r.json", figures, figures, 0).Deployments, d => Assert.Equal(DiffStatus.Unchanged, d.Status));
    }
}
