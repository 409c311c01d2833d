using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>
/// The manifest YAML `calibrate` writes for a fitted accelerator, named NAME-calibrated. For a preset it is
/// `preset: NAME` plus the fitted overrides. For an accelerator the team declared in its own manifest it is
/// that entry copied key by key (so every setting, preset reference and override it had still applies), with
/// the fitted keys replaced: writing `preset: NAME` there would name a preset that does not exist.
/// </summary>
public static class CalibratedAccelerator
{
    /// <param name="fitted">Keys to set, in order, such as ("utilization", "37.71%").</param>
    /// <param name="efficiency">Fitted `efficiency:` shares per operator kind, such as ("depthwise", "40%").</param>
    public static string ForPreset(string name, string header, IReadOnlyList<(string Key, string Value)> fitted,
        IReadOnlyList<(string Kind, string Value)>? efficiency = null)
    {
        var entry = new YamlMappingNode
        {
            { "name", name + "-calibrated" },
            { "preset", name },
        };
        foreach (var (key, value) in fitted)
        {
            entry.Add(key, value);
        }

        AddEfficiency(entry, null, efficiency);
        return Write(entry, header);
    }

    /// <param name="manifestYaml">The manifest's text.</param>
    /// <returns>null when the manifest has no accelerator of that name.</returns>
    public static string? ForManifestEntry(string manifestYaml, string name, string header, IReadOnlyList<(string Key, string Value)> fitted,
        IReadOnlyList<(string Kind, string Value)>? efficiency = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(manifestYaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("accelerators"), out var list) || list is not YamlSequenceNode entries)
        {
            return null;
        }

        foreach (var node in entries)
        {
            if (node is not YamlMappingNode source
                || !source.Children.TryGetValue(new YamlScalarNode("name"), out var n) || (n as YamlScalarNode)?.Value != name)
            {
                continue;
            }

            var entry = new YamlMappingNode();
            foreach (var (key, value) in source.Children)
            {
                var k = (key as YamlScalarNode)?.Value;
                if (k == "name")
                {
                    entry.Add("name", name + "-calibrated");
                }
                else if (!fitted.Any(f => f.Key == k) && !(k == "efficiency" && efficiency is { Count: > 0 }))
                {
                    entry.Add(key, value);
                }
            }

            foreach (var (key, value) in fitted)
            {
                entry.Add(key, value);
            }

            source.Children.TryGetValue(new YamlScalarNode("efficiency"), out var declared);
            AddEfficiency(entry, declared as YamlMappingNode, efficiency);
            return Write(entry, header);
        }

        return null;
    }

    /// <summary>A share as manifest YAML writes it: "37.71%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>`efficiency:` with the declared kinds kept and the fitted ones set.</summary>
    private static void AddEfficiency(YamlMappingNode entry, YamlMappingNode? declared, IReadOnlyList<(string Kind, string Value)>? efficiency)
    {
        if (efficiency is not { Count: > 0 })
        {
            return;
        }

        var mapping = new YamlMappingNode();
        foreach (var (key, value) in declared?.Children ?? new YamlMappingNode().Children)
        {
            if (!efficiency.Any(e => e.Kind == (key as YamlScalarNode)?.Value))
            {
                mapping.Add(key, value);
            }
        }

        foreach (var (kind, value) in efficiency)
        {
            mapping.Add(kind, value);
        }

        entry.Add("efficiency", mapping);
    }

    private static string Write(YamlMappingNode entry, string header)
    {
        var root = new YamlMappingNode { { "accelerators", new YamlSequenceNode(entry) } };
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        // YamlStream ends a document with "...": a manifest is one document, so drop the marker.
        if (text.EndsWith("...\n", StringComparison.Ordinal))
        {
            text = text[..^4];
        }

        return "# " + header + "\n" + text;
    }
}
