using System.Text.Json;
using FitCheck.Analysis;
using FitCheck.Cli;
using FitCheck.Hardware;
using FitCheck.Manifest;
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

    [Fact]
    public void AnAcceleratorNeedsAPresetOrItsOwnComputeAndMemory()
    {
        Assert.True(Validate("version: 1\naccelerators:\n  - name: a\n    preset: hailo-8\nmodels:\n  - source: zoo:resnet50\n    deploy: [a]\n").IsValid);
        Assert.False(Validate("version: 1\naccelerators:\n  - name: a\n    utilization: 50%\nmodels:\n  - source: zoo:resnet50\n    deploy: [a]\n").IsValid);
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

    /// <summary>Property names of the schema object at a JSON pointer such as "/$defs/gates".</summary>
    private static string[] PropertiesAt(JsonElement schema, string pointer)
    {
        var node = schema;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.GetProperty(part);
        }

        return [.. node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    private static string[] EnumAt(JsonElement schema, string pointer)
    {
        var node = schema;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.GetProperty(part);
        }

        return [.. node.GetProperty("enum").EnumerateArray().Select(e => e.ToString()).Order(StringComparer.Ordinal)];
    }

    public static TheoryData<string, string> Mappings => new()
    {
        { "", nameof(ManifestKeys.Root) },
        { "/$defs/accelerator", nameof(ManifestKeys.Accelerator) },
        { "/$defs/memoryTier", nameof(ManifestKeys.MemoryTier) },
        { "/$defs/code", nameof(ManifestKeys.Code) },
        { "/$defs/model", nameof(ManifestKeys.Model) },
        { "/$defs/gates", nameof(ManifestKeys.Gates) },
        { "/$defs/together", nameof(ManifestKeys.Together) },
    };

    private static string[] Keys(string list) => list switch
    {
        nameof(ManifestKeys.Root) => ManifestKeys.Root,
        nameof(ManifestKeys.Accelerator) => ManifestKeys.Accelerator,
        nameof(ManifestKeys.MemoryTier) => ManifestKeys.MemoryTier,
        nameof(ManifestKeys.Code) => ManifestKeys.Code,
        nameof(ManifestKeys.Model) => ManifestKeys.Model,
        nameof(ManifestKeys.Together) => ManifestKeys.Together,
        _ => ManifestKeys.Gates,
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void EveryKeyTheParserAcceptsIsInTheSchemaAndViceVersa(string pointer, string list)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("schema", "fitcheck.schema.json")));
        Assert.Equal(Keys(list).Order(StringComparer.Ordinal), PropertiesAt(schema.RootElement, pointer));
    }

    [Fact]
    public void EnumeratedValuesMatchTheParser()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("schema", "fitcheck.schema.json")));
        var schema = doc.RootElement;
        Assert.Equal(ManifestKeys.OverlapValues.Order(StringComparer.Ordinal), EnumAt(schema, "/$defs/accelerator/properties/overlap"));
        Assert.Equal(ManifestKeys.ArenasValues.Order(StringComparer.Ordinal), EnumAt(schema, "/$defs/together/properties/arenas"));
        Assert.Equal(ManifestKeys.TierKinds.Order(StringComparer.Ordinal), EnumAt(schema, "/$defs/memoryTier/properties/kind"));
        Assert.Equal(PrecisionInfo.Names.Order(StringComparer.Ordinal), EnumAt(schema, "/$defs/model/properties/precision"));
        Assert.Equal(AcceleratorPresets.All.Select(p => p.Name).Order(StringComparer.Ordinal), EnumAt(schema, "/$defs/accelerator/properties/preset"));
        Assert.Subset(EnumAt(schema, "/properties/version").ToHashSet(), ManifestKeys.SupportedVersions.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleParses(string path) =>
        Assert.NotEmpty(ManifestParser.Parse(path, File.ReadAllText(RepoPaths.Of(path))).Models);

    [Fact]
    public void TheStarterManifestParses()
    {
        var document = ManifestParser.Parse("fitcheck.yml", StarterManifest.Text);
        Assert.Equal("my-npu", Assert.Single(document.Accelerators).Name);
        Assert.Equal("resnet50", Assert.Single(document.Models).Name);
    }

    [Fact]
    public void TheToolPackageCarriesTheSchema()
    {
        var project = System.Xml.Linq.XDocument.Load(RepoPaths.Of("src", "FitCheck.Cli", "FitCheck.Cli.csproj"));
        var item = Assert.Single(project.Descendants("None"), n => n.Attribute("Include")?.Value == "../../schema/fitcheck.schema.json");
        Assert.Equal("true", item.Attribute("Pack")?.Value);
        Assert.Equal("schema/", item.Attribute("PackagePath")?.Value);
    }
}
