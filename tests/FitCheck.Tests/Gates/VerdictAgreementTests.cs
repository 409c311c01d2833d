using System.Text.Json;
using System.Xml.Linq;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Gates;

/// <summary>
/// One run, one verdict: the exit code, the JSON verdict and gates, Markdown, JUnit, SARIF, the workflow
/// annotations and the console agree for every combination of a failed gate and a figure beyond the growth
/// budget, because the budget is evaluated into the results as the max-growth gate before any report is written.
/// </summary>
public sealed class VerdictAgreementTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-verdict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>ResNet-50 at 224x224: about 1.8 MB of activations, so 1 MiB of SRAM fails `activations: on-chip` and 8 MiB passes.</summary>
    private void Manifest(string file, string precision, string sram) => File.WriteAllText(Path.Combine(_dir, file), $"""
        version: 1
        accelerators:
          - name: npu
            compute: 4 TOPS
            memory:
              - name: sram
                size: {sram}
                bandwidth: 100 GB/s
              - name: dram
                size: 256 MiB
                bandwidth: 10 GB/s
        models:
          - source: zoo:resnet50
            resolutions: [224x224]
            precision: {precision}
            deploy: [npu]
            gates:
              weights: anywhere
              activations: on-chip
        """);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void EveryFormatAgreesWithTheExitCode(bool gateFails, bool growthFails)
    {
        var sram = gateFails ? "1 MiB" : "8 MiB";
        // The baseline differs only in precision: fp16 doubles weights and activations, far beyond a 5 % budget.
        Manifest("base.yml", "int8", sram);
        Manifest("fitcheck.yml", growthFails ? "fp16" : "int8", sram);
        var baseRun = CliRunner.Run(_dir, "check", "base.yml", "--format", "json", "--output", "base.json");
        Assert.Equal(gateFails ? 1 : 0, baseRun.ExitCode);

        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };
        var r = CliRunner.Run(_dir, env, "check", "--baseline", "base.json", "--max-growth", "5%", "--format", "json",
            "--report", "md=r.md", "--report", "junit=r.xml", "--report", "sarif=r.sarif", "--report", "console=r.txt");

        var fails = gateFails || growthFails;
        Assert.Equal(fails ? 1 : 0, r.ExitCode);

        using var json = JsonDocument.Parse(r.Out);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(fails ? "fail" : "pass", summary.GetProperty("verdict").GetString());
        Assert.Equal(fails ? 1 : 0, summary.GetProperty("failed").GetInt32());
        var result = json.RootElement.GetProperty("results")[0];
        Assert.Equal(fails ? "fail" : "pass", result.GetProperty("verdict").GetString());
        var growth = Assert.Single(result.GetProperty("gates").EnumerateArray(), g => g.GetProperty("name").GetString() == "max-growth");
        Assert.Equal(!growthFails, growth.GetProperty("passed").GetBoolean());
        var fit = Assert.Single(result.GetProperty("gates").EnumerateArray(), g => g.GetProperty("name").GetString() == "activations-fit");
        Assert.Equal(!gateFails, fit.GetProperty("passed").GetBoolean());

        var md = File.ReadAllText(Path.Combine(_dir, "r.md"));
        Assert.Contains(fails ? "## ❌ FitCheck: 1 of 1 deployment fails" : "## ✅ FitCheck: all 1 deployment passes", md);

        var junit = XDocument.Parse(File.ReadAllText(Path.Combine(_dir, "r.xml")));
        var failures = junit.Descendants("testcase").Where(c => c.Element("failure") is not null).Select(c => c.Attribute("name")!.Value).ToList();
        Assert.Equal(Expected(gateFails, growthFails), failures);
        Assert.Equal(failures.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), junit.Root!.Attribute("failures")!.Value);

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "r.sarif")));
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(x => "npu/" + x.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(Expected(gateFails, growthFails), rules);

        var annotations = r.Error.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(failures.Count, annotations.Count);

        var console = File.ReadAllText(Path.Combine(_dir, "r.txt"));
        Assert.Contains(fails ? "1 of 1 deployments fail." : "All 1 deployments pass.", console);
    }

    private static List<string> Expected(bool gateFails, bool growthFails) =>
    [
        .. gateFails ? new[] { "npu/activations-fit" } : [],
        .. growthFails ? new[] { "npu/max-growth" } : [],
    ];
}
