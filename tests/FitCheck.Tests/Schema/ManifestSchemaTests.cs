using System.Text.Json;
using FitCheck.Cli;
using FitCheck.Tests.Support;
using Json.Schema;

namespace FitCheck.Tests.Schema;

public class ManifestSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(RepoPaths.Of("schema", "fitcheck.schema.json")));

    private static EvaluationResults Validate(string yaml)
    {
        using var doc = JsonDocument.Parse(YamlToJson.Convert(yaml)!.ToJsonString());
        return Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
    }

    private static string Errors(EvaluationResults r) =>
        string.Join("\n", (r.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    public static TheoryData<string> Examples =>
        [.. Directory.GetFiles(RepoPaths.Of("examples"), "*.yml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(RepoPaths.Root, f)).Order()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleValidates(string path)
    {
        var r = Validate(File.ReadAllText(RepoPaths.Of(path)));
        Assert.True(r.IsValid, Errors(r));
    }

    [Fact]
    public void TheStarterManifestValidatesAndPointsAtTheSchema()
    {
        var r = Validate(StarterManifest.Text);
        Assert.True(r.IsValid, Errors(r));
        Assert.StartsWith("# yaml-language-server: $schema=https://", StarterManifest.Text);
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("schema", "fitcheck.schema.json")));
        Assert.Equal(StarterManifest.SchemaUrl, schema.RootElement.GetProperty("$id").GetString());
    }

    [Theory]
    [InlineData("size: 8", "a size without a unit")]
    [InlineData("size: 8 Mib", "a unit in the wrong case")]
    [InlineData("bandwidth: 17 GB", "a size where a bandwidth belongs")]
    [InlineData("sizes: 8 MiB", "an unknown key")]
    public void TheSchemaRejectsWhatTheParserRejects(string line, string why)
    {
        var yaml = StarterManifest.Text.Replace("size: 8 MiB", line, StringComparison.Ordinal);
        Assert.NotEqual(StarterManifest.Text, yaml);
        if (line.StartsWith("bandwidth", StringComparison.Ordinal))
        {
            yaml = StarterManifest.Text.Replace("bandwidth: 200 GB/s", line, StringComparison.Ordinal);
        }

        Assert.False(Validate(yaml).IsValid, why);
    }
}
