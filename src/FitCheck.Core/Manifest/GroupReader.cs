using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>
/// Reads `together:`, after the models, since every member names one: an unknown model, a resolution the
/// model does not run at (or no resolution named for a model that runs at several), a model that does not
/// deploy to the group's accelerator, a group of fewer than two models or a member listed twice is an error
/// at the member (or the group) that says it.
/// </summary>
internal static class GroupReader
{
    private const string Example = "`- models: [detector, classifier]` with `arenas: sequential` (or `concurrent`)";

    public static IReadOnlyList<GroupSpec> Read(YamlReader r, YamlNode node, IReadOnlyList<ModelSpec> models)
    {
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var groups = new List<GroupSpec>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var entries = r.Sequence(node, "together", Example);
        for (var i = 0; i < entries.Count; i++)
        {
            var group = ReadOne(r, entries[i], i, byName);
            if (!names.TryAdd(group.Name, group.Location))
            {
                throw new FitCheckException(DiagnosticCatalog.DuplicateName("group", group.Name, names[group.Name], group.Location));
            }

            groups.Add(group);
        }

        return groups;
    }

    private static GroupSpec ReadOne(YamlReader r, YamlNode node, int index, IReadOnlyDictionary<string, ModelSpec> models)
    {
        var f = r.Mapping(node, "together entry", Example);
        var label = f.Peek("name") is { } n ? $"group '{DiagnosticCatalog.Clip(n)}'" : $"group #{index + 1}";
        f.CheckKeys(ManifestKeys.Together, label);

        var membersNode = f.Required("models", label);
        var items = r.Sequence(membersNode, "models", "a list of model names such as `[detector, classifier]`", allowEmpty: true);
        var texts = items.Select(item => (Text: r.Scalar(item, "models", "a model name, or `name@WIDTHxHEIGHT` for one of its resolutions"), At: r.At(item))).ToList();
        var name = f.Optional("name") is { } nameNode
            ? r.Scalar(nameNode, "name", "a name such as `vision`")
            : string.Join("+", texts.Select(t => t.Text));
        if (texts.Count < 2)
        {
            throw new FitCheckException(DiagnosticCatalog.GroupTooSmall(name, texts.Count, r.At(membersNode)));
        }

        var arenas = (ArenaSharing)r.Choice(f.Required("arenas", label), "arenas", ManifestKeys.ArenasValues);

        var members = new List<(GroupMember Member, ModelSpec Spec)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, at) in texts)
        {
            if (!seen.Add(text))
            {
                throw new FitCheckException(DiagnosticCatalog.GroupDuplicateMember(name, text, at));
            }

            members.Add(Member(name, text, at, models));
        }

        string accelerator;
        if (f.Optional("accelerator") is { } accNode)
        {
            accelerator = r.Scalar(accNode, "accelerator", "the name of the accelerator every member deploys to");
        }
        else
        {
            var common = members.Select(m => m.Spec.Deploy.Select(d => d.Value))
                .Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal)).ToList();
            accelerator = common.Count == 1 ? common[0] : throw new FitCheckException(DiagnosticCatalog.GroupNoCommonAccelerator(name, f.Location));
        }

        foreach (var (member, spec) in members)
        {
            if (!spec.Deploy.Any(d => d.Value == accelerator))
            {
                throw new FitCheckException(DiagnosticCatalog.GroupMixedAccelerators(name, member.Model, accelerator, spec.Deploy.Select(d => d.Value), member.Location));
            }
        }

        return new GroupSpec(name, accelerator, arenas, [.. members.Select(m => m.Member)], f.Location);
    }

    /// <summary>"detector" or "detector@608x608", checked against the model's declared resolutions.</summary>
    private static (GroupMember, ModelSpec) Member(string group, string text, SourceLocation at, IReadOnlyDictionary<string, ModelSpec> models)
    {
        var cut = text.LastIndexOf('@');
        var model = cut < 0 ? text : text[..cut].Trim();
        var asked = cut < 0 ? "" : text[(cut + 1)..].Trim();
        if (!models.TryGetValue(model, out var spec))
        {
            throw new FitCheckException(DiagnosticCatalog.GroupUnknownModel(group, model, models.Keys, at));
        }

        var listed = spec.Resolutions.Select(x => x.Value).ToList();
        Resolution? resolution = null;
        if (asked.Length > 0)
        {
            var parsed = Resolution.Parse(asked, at);
            resolution = listed.Contains(parsed) ? parsed
                : throw new FitCheckException(DiagnosticCatalog.GroupNoSuchResolution(group, model, asked, listed.Select(x => x.ToString()), at));
        }
        else if (listed.Count == 1)
        {
            resolution = listed[0];
        }
        else if (listed.Count > 1)
        {
            throw new FitCheckException(DiagnosticCatalog.GroupNoSuchResolution(group, model, "", listed.Select(x => x.ToString()), at));
        }

        return (new GroupMember(model, resolution, at), spec);
    }
}
