using System.Diagnostics.CodeAnalysis;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>
/// The built-in accelerators, read once from the embedded presets.yml with YamlDotNet's node model (no
/// reflection) and the manifest's <see cref="AcceleratorReader"/>. Each preset is validated like a manifest accelerator, and every value must carry a
/// source or an assumption, so the file cannot quietly gain an unexplained number.
/// </summary>
public static class AcceleratorPresets
{
    public const string ResourceName = "FitCheck.Hardware.Presets.presets.yml";
    private const string FileName = "presets.yml";

    private static readonly Lazy<IReadOnlyList<AcceleratorPreset>> Loaded = new(Load);

    /// <summary>Keys a preset entry (and so a manifest override of it) may set: every accelerator key but `preset`.</summary>
    public static readonly string[] Fields = [.. ManifestKeys.Accelerator.Where(k => k != "preset")];

    public static IReadOnlyList<AcceleratorPreset> All => Loaded.Value;

    public static bool TryGet(string name, [NotNullWhen(true)] out AcceleratorPreset? preset)
    {
        foreach (var p in All)
        {
            if (string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                preset = p;
                return true;
            }
        }

        preset = null;
        return false;
    }

    public static AcceleratorPreset Get(string name, SourceLocation? at)
    {
        if (TryGet(name, out var preset))
        {
            return preset;
        }

        var names = All.Select(p => p.Name).ToArray();
        throw new FitCheckException(DiagnosticCatalog.UnknownPreset(name, Suggest.Closest(name, names), names, at));
    }

    private static IReadOnlyList<AcceleratorPreset> Load()
    {
        using var stream = typeof(AcceleratorPresets).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new FitCheckException(DiagnosticCatalog.InvalidPresetFile("it is not embedded in the assembly", null));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), FileName);
    }

    public static IReadOnlyList<AcceleratorPreset> Parse(string text, string file)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidPresetFile(e.Message, new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column)));
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || Child(root, "presets") is not YamlSequenceNode list)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidPresetFile("expected a `presets:` list", new SourceLocation(file, 1, 1)));
        }

        var presets = new List<AcceleratorPreset>();
        foreach (var node in list)
        {
            if (node is not YamlMappingNode entry)
            {
                throw Invalid("a preset must be a mapping", node, file);
            }

            var accelerator = ReadAccelerator(entry, file);
            HierarchyValidator.Validate(accelerator);
            var sources = Notes(entry, "sources", file);
            var assumptions = Notes(entry, "assumptions", file);
            foreach (var path in FieldPaths(entry))
            {
                if (!sources.ContainsKey(path) && !assumptions.ContainsKey(path))
                {
                    throw Invalid($"preset '{accelerator.Name}': `{path}` has neither a source nor an assumption", entry, file);
                }
            }

            presets.Add(new AcceleratorPreset(accelerator.Name, Text(entry, "description", file), accelerator, sources, assumptions, entry));
        }

        return presets;
    }

    /// <summary>
    /// Reads one entry with the manifest's own accelerator reader, so a preset and an inline accelerator accept
    /// the same keys with the same defaults (`code:`, `kind:`); the bookkeeping keys are set aside first.
    /// </summary>
    public static Accelerator ReadAccelerator(YamlMappingNode entry, string file)
    {
        var accelerator = new YamlMappingNode();
        foreach (var (key, value) in entry.Children)
        {
            if ((key as YamlScalarNode)?.Value is not ("description" or "sources" or "assumptions"))
            {
                accelerator.Add(key, value);
            }
        }

        var reader = new YamlReader(file);
        return AcceleratorReader.Read(reader, accelerator, 0).Accelerator;
    }

    /// <summary>The value fields of an entry as `compute`, `memory.sram.size`, ...: each needs a note.</summary>
    private static IEnumerable<string> FieldPaths(YamlMappingNode entry)
    {
        foreach (var (key, value) in entry.Children)
        {
            var k = ((YamlScalarNode)key).Value ?? "";
            if (k is "name" or "description" or "sources" or "assumptions")
            {
                continue;
            }

            if (value is YamlSequenceNode tiers)
            {
                foreach (var tier in tiers.OfType<YamlMappingNode>())
                {
                    var tierName = Child(tier, "name") is YamlScalarNode n ? n.Value : "?";
                    foreach (var field in tier.Children.Keys.OfType<YamlScalarNode>())
                    {
                        if (field.Value is not ("name" or "kind"))
                        {
                            yield return $"{k}.{tierName}.{field.Value}";
                        }
                    }
                }
            }
            else
            {
                yield return k;
            }
        }
    }

    private static Dictionary<string, string> Notes(YamlMappingNode entry, string key, string file)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(entry, key) is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                notes[((YamlScalarNode)k).Value ?? ""] = v is YamlScalarNode s ? s.Value ?? "" : throw Invalid($"`{key}` values must be text", v, file);
            }
        }

        return notes;
    }

    internal static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Text(YamlMappingNode map, string key, string file) =>
        Child(map, key) is YamlScalarNode { Value: { } v } ? v : throw Invalid($"missing `{key}`", map, file);

    private static SourceLocation At(YamlNode node, string file) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static FitCheckException Invalid(string reason, YamlNode node, string file) =>
        new(DiagnosticCatalog.InvalidPresetFile(reason, At(node, file)));
}
