using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Units;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>
/// Reads a model's `gates:`: each key of the gate catalogue, parsed by its value kind, and `headroom`. Placement
/// targets must exist on every deployed accelerator.
/// </summary>
internal static class GateReader
{
    public static GateSpec Read(YamlReader r, YamlNode node, string model, IReadOnlyList<Accelerator> deployed)
    {
        var f = r.Mapping(node, "gates", "keys such as `weights: on-chip` and `minFps: 30 fps`");
        f.CheckKeys(ManifestKeys.Gates, $"gates of model '{DiagnosticCatalog.Clip(model)}'");
        var at = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var gate in GateCatalog.All)
        {
            if (gate.ManifestKey is not { } key || f.Optional(key) is not { } v)
            {
                continue;
            }

            at[key] = r.At(v);
            values[key] = Value(r, v, key, gate.Value, deployed);
            written[key] = r.Scalar(v, key, "");
        }

        var headroom = 0.0;
        if (f.Optional("headroom") is { } h)
        {
            at["headroom"] = r.At(h);
            headroom = r.Quantity(h, "headroom", UnitKind.Percent, allowZero: true);
            if (headroom >= 1)
            {
                throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange("headroom", r.Scalar(h, "headroom", ""),
                    "is outside [0%, 100%)", r.At(h), "give the share of each capacity to keep free, such as `10%`"));
            }
        }

        return new GateSpec(values, headroom, f.Location) { KeyLocations = at, Written = written };
    }

    private static object Value(YamlReader r, YamlNode node, string key, GateValueKind kind, IReadOnlyList<Accelerator> deployed) => kind switch
    {
        GateValueKind.Target => Target(r, node, key, deployed),
        GateValueKind.Bytes => r.Bytes(node, key),
        GateValueKind.FrameRate => r.Quantity(node, key, UnitKind.FrameRate),
        GateValueKind.Duration => r.Quantity(node, key, UnitKind.Duration),
        // Zero is a real budget here: "this model must not stream from DRAM at all".
        GateValueKind.Bandwidth => r.Quantity(node, key, UnitKind.Bandwidth, allowZero: true),
        _ => throw new InvalidOperationException($"gate key '{key}' has no value kind"),
    };

    private static string Target(YamlReader r, YamlNode node, string gate, IReadOnlyList<Accelerator> deployed)
    {
        var text = r.Scalar(node, gate, "`on-chip`, `anywhere` or the name of a memory tier");
        if (string.Equals(text, GateSpec.OnChip, StringComparison.OrdinalIgnoreCase))
        {
            return GateSpec.OnChip;
        }

        if (string.Equals(text, GateSpec.Anywhere, StringComparison.OrdinalIgnoreCase))
        {
            return GateSpec.Anywhere;
        }

        foreach (var a in deployed)
        {
            if (a.FindTier(text) is null)
            {
                var names = a.Tiers.Select(t => t.Name).ToList();
                var suggestion = DiagnosticCatalog.Closest(text, names.Append(GateSpec.OnChip).Append(GateSpec.Anywhere));
                throw new FitCheckException(DiagnosticCatalog.GateTierMissing(gate, text, a.Name, suggestion, names, r.At(node)));
            }
        }

        return text;
    }
}
