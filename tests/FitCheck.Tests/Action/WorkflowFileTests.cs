using System.Text.RegularExpressions;
using FitCheck.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Tests.Action;

/// <summary>action.yml and the workflows parse as YAML and refer only to inputs, outputs and files that exist.</summary>
public partial class WorkflowFileTests
{
    public static TheoryData<string> Workflows =>
        [.. Directory.GetFiles(RepoPaths.Of(".github", "workflows"), "*.yml").Select(f => Path.GetFileName(f)!).Order()];

    private static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(yaml.Documents).RootNode);
    }

    private static YamlMappingNode Map(YamlNode node, string key) => Assert.IsType<YamlMappingNode>(((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static IEnumerable<string> Keys(YamlMappingNode node) => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    private static HashSet<string> ActionInputs() => [.. Keys(Map(Load(RepoPaths.Of("action.yml")), "inputs"))];

    [Fact]
    public void TheActionUsesOnlyItsOwnInputsAndScript()
    {
        var text = File.ReadAllText(RepoPaths.Of("action.yml"));
        var action = Load(RepoPaths.Of("action.yml"));
        Assert.Equal("composite", ((YamlScalarNode)Map(action, "runs").Children[new YamlScalarNode("using")]).Value);
        var inputs = ActionInputs();
        Assert.Superset(new HashSet<string> { "manifest", "version", "reports", "comment", "baseline", "github-token", "upload-sarif" }, inputs);
        var used = InputReference().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        // Every input is used, and nothing refers to an input that is not declared.
        Assert.Equal(inputs.Order(), used.Order());

        // Every script the action runs exists, and every step output it exposes is one the script writes.
        foreach (Match m in ScriptReference().Matches(text))
        {
            Assert.True(File.Exists(RepoPaths.Of(m.Groups[1].Value)), m.Value);
        }

        var script = File.ReadAllText(RepoPaths.Of("scripts", "fitcheck-action.sh"));
        foreach (Match m in StepOutput().Matches(text))
        {
            Assert.Contains($"output {m.Groups[1].Value} ", script);
        }

        Assert.Superset(new HashSet<string> { "verdict", "report-json" }, Keys(Map(action, "outputs")).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void AWorkflowParsesAndRefersToExistingFilesAndInputs(string name)
    {
        var path = RepoPaths.Of(".github", "workflows", name);
        var workflow = Load(path);
        var jobs = Map(workflow, "jobs");
        Assert.NotEmpty(jobs.Children);
        var inputs = ActionInputs();
        foreach (var job in jobs.Children.Values.Cast<YamlMappingNode>())
        {
            foreach (var step in ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())
            {
                if (!step.Children.TryGetValue(new YamlScalarNode("uses"), out var uses))
                {
                    Assert.True(step.Children.ContainsKey(new YamlScalarNode("run")), "a step needs uses or run");
                    continue;
                }

                var target = ((YamlScalarNode)uses).Value!;
                if (target == "./")
                {
                    var with = Map(step, "with");
                    Assert.Subset(inputs, Keys(with).ToHashSet());
                    Assert.True(File.Exists(RepoPaths.Of(((YamlScalarNode)with.Children[new YamlScalarNode("manifest")]).Value!)));
                }
                else
                {
                    Assert.Matches(@"^[\w.-]+/[\w./-]+@v\d+$", target);
                }
            }
        }

        foreach (Match m in RepoPath().Matches(File.ReadAllText(path)))
        {
            Assert.True(File.Exists(RepoPaths.Of(m.Value)) || Directory.Exists(RepoPaths.Of(m.Value)), $"{name} refers to {m.Value}");
        }
    }

    [Fact]
    public void TheRepositoryDogfoodsTheActionOnTheExamples()
    {
        var text = File.ReadAllText(RepoPaths.Of(".github", "workflows", "fitcheck.yml"));
        Assert.Contains("uses: ./", text);
        Assert.Contains("examples/failing/fitcheck.yml", text);
        Assert.Contains("examples/seed/fitcheck.yml", text);
    }

    [GeneratedRegex(@"\binputs\.([\w-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\$GITHUB_ACTION_PATH/([\w./-]+)")]
    private static partial Regex ScriptReference();

    [GeneratedRegex(@"steps\.run\.outputs\.([\w-]+)")]
    private static partial Regex StepOutput();

    [GeneratedRegex(@"(?<![\w/.$-])(?:examples|scripts|src|tests|schema)/[\w./-]*\w|FitCheck\.sln")]
    private static partial Regex RepoPath();
}
