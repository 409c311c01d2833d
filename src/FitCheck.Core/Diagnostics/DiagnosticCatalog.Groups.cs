namespace FitCheck.Diagnostics;

/// <summary>FC014x: `together:` groups of models deployed together on one accelerator.</summary>
public static partial class DiagnosticCatalog
{
    public static Diagnostic GroupTooSmall(string group, int count, SourceLocation? at) =>
        new("FC0140", count == 0 ? $"group '{Clip(group)}' lists no models" : $"group '{Clip(group)}' lists only one model", at,
            "list two or more models deployed together, e.g. `models: [detector, classifier]`; a model alone needs no group");

    public static Diagnostic GroupUnknownModel(string group, string model, IEnumerable<string> declared, SourceLocation? at)
    {
        var names = declared.ToList();
        return new("FC0141", $"group '{Clip(group)}' lists '{Clip(model)}', which is not a declared model" + DidYouMean(Closest(model, names)), at,
            $"declared models: {List(names)}; a member is a model's `name:` (its zoo or file name when it has none)");
    }

    public static Diagnostic GroupNoSuchResolution(string group, string model, string asked, IEnumerable<string> resolutions, SourceLocation? at)
    {
        var listed = resolutions.ToList();
        var has = listed.Count == 0 ? "lists no `resolutions:` (it runs at its own default)" : $"runs at {List(listed)}";
        return new("FC0142", asked.Length == 0
                ? $"group '{Clip(group)}' lists '{Clip(model)}', which {has}: say which one runs in the group"
                : $"group '{Clip(group)}' lists '{Clip(model)}@{Clip(asked)}', but '{Clip(model)}' {has}", at,
            listed.Count == 0
                ? $"write the member as `{Clip(model)}` alone, or add the size to its `resolutions:`"
                : $"write the member as `{Clip(model)}@{Clip(listed[0])}` (one of its resolutions)");
    }

    public static Diagnostic GroupMixedAccelerators(string group, string model, string accelerator, IEnumerable<string> deploys, SourceLocation? at) =>
        new("FC0143", $"group '{Clip(group)}' runs on '{Clip(accelerator)}', but '{Clip(model)}' deploys to {List(deploys)}", at,
            $"models in one group share one accelerator: add '{Clip(accelerator)}' to '{Clip(model)}''s `deploy:`, or move it to another group");

    public static Diagnostic GroupNoCommonAccelerator(string group, SourceLocation? at) =>
        new("FC0144", $"group '{Clip(group)}' has no single accelerator that all its models deploy to", at,
            "models in one group share one accelerator: name it with `accelerator:` and list it in every member's `deploy:`");

    public static Diagnostic GroupDuplicateMember(string group, string member, SourceLocation? at) =>
        new("FC0145", $"group '{Clip(group)}' lists '{Clip(member)}' twice", at,
            "list each model once; two copies of one model are two `models:` entries with different names");
}
