using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Units;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>Reads a model's `gates:` and checks that placement targets exist on every deployed accelerator.</summary>
internal static class GateReader
{
    public static GateSpec Read(YamlReader r, YamlNode node, string model, IReadOnlyList<Accelerator> deployed)
    {
        var f = r.Mapping(node, "gates", "keys such as `weights: on-chip` and `minFps: 30 fps`");
        f.CheckKeys(ManifestKeys.Gates, $"gates of model '{DiagnosticCatalog.Clip(model)}'");
        var at = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var key in ManifestKeys.Gates)
        {
            if (f.Optional(key) is { } v)
            {
                at[key] = r.At(v);
            }
        }

        var headroom = 0.0;
        if (f.Optional("headroom") is { } h)
        {
            headroom = r.Quantity(h, "headroom", UnitKind.Percent, allowZero: true);
            if (headroom >= 1)
            {
                throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange("headroom", r.Scalar(h, "headroom", ""),
                    "is outside [0%, 100%)", r.At(h), "give the share of each capacity to keep free, such as `10%`"));
            }
        }

        return new GateSpec(
            WeightsIn: Target(r, f.Optional("weights"), "weights", deployed),
            ActivationsIn: Target(r, f.Optional("activations"), "activations", deployed),
            CodeIn: Target(r, f.Optional("code"), "code", deployed),
            MaxWeightBytes: Bytes(r, f.Optional("maxWeights"), "maxWeights"),
            MaxActivationBytes: Bytes(r, f.Optional("maxActivations"), "maxActivations"),
            MaxCodeBytes: Bytes(r, f.Optional("maxCode"), "maxCode"),
            MaxTotalBytes: Bytes(r, f.Optional("maxTotal"), "maxTotal"),
            HeadroomFraction: headroom,
            MinFps: Quantity(r, f.Optional("minFps"), "minFps", UnitKind.FrameRate),
            MaxLatencySeconds: Quantity(r, f.Optional("maxLatency"), "maxLatency", UnitKind.Duration),
            // Zero is a real budget here: "this model must not stream from DRAM at all".
            MaxDramBytesPerSecond: Quantity(r, f.Optional("maxDramBandwidth"), "maxDramBandwidth", UnitKind.Bandwidth, allowZero: true),
            Location: f.Location)
        {
            KeyLocations = at,
        };
    }

    private static string? Target(YamlReader r, YamlNode? node, string gate, IReadOnlyList<Accelerator> deployed)
    {
        if (node is null)
        {
            return null;
        }

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

    private static long? Bytes(YamlReader r, YamlNode? node, string field) => node is null ? null : r.Bytes(node, field);

    private static double? Quantity(YamlReader r, YamlNode? node, string field, UnitKind kind, bool allowZero = false) =>
        node is null ? null : r.Quantity(node, field, kind, allowZero);
}
