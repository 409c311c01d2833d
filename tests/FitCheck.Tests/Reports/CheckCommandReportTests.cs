using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FitCheck.Cli;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Reports;

/// <summary>`check` end to end, in-process: --report files, annotations under GITHUB_ACTIONS, baselines and --max-growth.</summary>
public sealed class CheckCommandReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-check-").FullName;

    public CheckCommandReportTests() =>
        File.Copy(RepoPaths.Of("examples", "failing", "fitcheck.yml"), Path.Combine(_dir, "failing.yml"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Error) Run(bool githubActions, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = FitCheckApp.Run(args, new CliContext(stdout, stderr, _dir, name => githubActions && name == "GITHUB_ACTIONS" ? "true" : null));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Read(string name) => File.ReadAllText(Path.Combine(_dir, name));

    /// <summary>Where the failing example declares its only deployment: the `tiny-npu` in `deploy: [tiny-npu]`.</summary>
    private static (int Line, int Column) DeployAt()
    {
        var lines = File.ReadAllLines(RepoPaths.Of("examples", "failing", "fitcheck.yml"));
        var i = Array.FindIndex(lines, l => l.Contains("deploy: [tiny-npu]", StringComparison.Ordinal));
        return (i + 1, lines[i].IndexOf("tiny-npu", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void ReportsAreWrittenAtOnceAndAnnotationsPointAtTheDeployEntry()
    {
        var (exit, output, error) = Run(true, "check", "failing.yml",
            "--report", "md=out/report.md", "--report", "junit=out/report.xml", "--report", "sarif=out/report.sarif", "--report", "json=out/report.json");

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        var (line, column) = DeployAt();
        Assert.Contains($"::error file=failing.yml,line={line},col={column},title=FitCheck activations-fit%3A resnet50@224x224 on tiny-npu::activations ", output);
        Assert.Contains("1 of 1 deployments fail.", output); // the console table still goes to stdout

        Assert.StartsWith("<!-- fitcheck-report -->\n## ❌ FitCheck: 1 of 1 deployment fails\n", Read("out/report.md"));
        var junit = XDocument.Parse(Read("out/report.xml"));
        var failed = Assert.Single(junit.Descendants("testcase"), c => c.Element("failure") is not null);
        Assert.Equal("resnet50@224x224", failed.Attribute("classname")!.Value);
        Assert.Equal("tiny-npu/activations-fit", failed.Attribute("name")!.Value);
        using var sarif = JsonDocument.Parse(Read("out/report.sarif"));
        var region = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(line, region.GetProperty("startLine").GetInt32());
        Assert.Equal(column, region.GetProperty("startColumn").GetInt32());
        using var json = JsonDocument.Parse(Read("out/report.json"));
        Assert.Equal("fail", json.RootElement.GetProperty("summary").GetProperty("verdict").GetString());
    }

    [Fact]
    public void OutsideGitHubActionsThereAreNoAnnotations() =>
        Assert.DoesNotContain("::error", Run(false, "check", "failing.yml").Out);

    [Fact]
    public void AnnotationsStayOutOfAMachineReadableReportOnStdout()
    {
        var (_, output, error) = Run(true, "check", "failing.yml", "--format", "sarif");
        using var sarif = JsonDocument.Parse(output);
        Assert.Contains("::error file=failing.yml", error);
    }

    [Fact]
    public void AnUnchangedBaselinePassesAZeroGrowthBudget()
    {
        Assert.Equal(1, Run(false, "check", "failing.yml", "--format", "json", "--output", "base.json").Exit);
        var (exit, output, _) = Run(false, "check", "failing.yml", "--baseline", "base.json", "--max-growth", "0%", "--report", "md=r.md");

        Assert.Equal(1, exit); // the gate still fails; growth does not
        Assert.Contains("Compared with base.json:\n  1 deployment unchanged\nEvery figure is within the 0 % growth budget.\n", output);
        Assert.Contains("No change in 1 deployment. ✅ Every figure is within the 0 % growth budget.", Read("r.md"));
    }

    [Fact]
    public void GrowthBeyondTheBudgetFailsAPassingManifest()
    {
        Assert.Equal(0, Run(false, "init", "ok.yml").Exit);
        Assert.Equal(0, Run(false, "check", "ok.yml", "--format", "json", "--output", "base.json").Exit);
        // Pretend the weights were 10 % smaller before: today's weights are then 11.1 % more.
        var baseline = JsonNode.Parse(Read("base.json"))!;
        var weights = baseline["results"]![0]!["weightBytes"]!.GetValue<long>();
        baseline["results"]![0]!["weightBytes"] = weights * 9 / 10;
        File.WriteAllText(Path.Combine(_dir, "base.json"), baseline.ToJsonString());

        var (exit, output, _) = Run(true, "check", "ok.yml", "--baseline", "base.json", "--max-growth", "5%");
        Assert.Equal(1, exit);
        Assert.Contains("resnet50 224x224 on my-npu: weights ", output);
        Assert.Contains(", +11 % grows more than the 5 % budget against base.json", output);
        Assert.Matches(@"::error file=ok.yml,line=\d+,col=\d+,title=FitCheck max-growth%3A resnet50@224x224 on my-npu::weights .* → .*, \+11 %25 grows more than the 5 %25 budget against base.json\n", output);

        Assert.Equal(0, Run(false, "check", "ok.yml", "--baseline", "base.json", "--max-growth", "12%").Exit);
    }

    [Fact]
    public void AMalformedBaselineIsBadInputNamingTheFileAndPosition()
    {
        File.WriteAllText(Path.Combine(_dir, "old.json"), "{\n  \"schemaVersion\": 1,\n  \"results\": [,]\n}\n");
        var (exit, _, error) = Run(false, "check", "failing.yml", "--baseline", "old.json");
        Assert.Equal(2, exit);
        Assert.StartsWith("old.json(3,15): error FC0601: baseline 'old.json' is not valid JSON: ", error);
        Assert.Contains("hint: pass a report written by `dotnet fitcheck check MANIFEST --format json --output FILE`", error);
    }

    [Fact]
    public void AMissingBaselineIsBadInput()
    {
        var (exit, _, error) = Run(false, "check", "failing.yml", "--baseline", "nope.json");
        Assert.Equal(2, exit);
        Assert.StartsWith("fitcheck: error FC0001: file 'nope.json' does not exist", error);
    }
}
