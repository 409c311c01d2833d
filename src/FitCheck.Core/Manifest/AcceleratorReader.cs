using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Units;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>Reads one `accelerators:` entry: compute, utilization, overlap, memory tiers, code-size constants.</summary>
internal static class AcceleratorReader
{
    private const string Example = "`- name: npu` with `compute:` and `memory:` below it";

    /// <returns>The accelerator, and where its name is written (for duplicate-name errors).</returns>
    public static (Accelerator Accelerator, SourceLocation NameAt) Read(YamlReader r, YamlNode node, int index)
    {
        var f = r.Mapping(node, "accelerators entry", Example);
        var entryAt = f.Location;
        if (f.Optional("preset") is { } presetNode)
        {
            f = WithPreset(r, f, presetNode);
        }

        var label = f.Peek("name") is { } n ? $"accelerator '{DiagnosticCatalog.Clip(n)}'" : $"accelerator #{index + 1}";
        f.CheckKeys(ManifestKeys.Accelerator, label);

        var nameNode = f.Required("name", label);
        var name = r.Scalar(nameNode, "name", "a name such as `npu`");
        var compute = f.Required("compute", label);
        var ops = UnitParser.ParseCompute(r.Scalar(compute, "compute", UnitTable.Expected(UnitKind.Compute)), r.At(compute), "compute");

        var utilization = 1.0;
        if (f.Optional("utilization") is { } u)
        {
            utilization = r.Quantity(u, "utilization", UnitKind.Percent);
            if (utilization is <= 0 or > 1)
            {
                throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange("utilization", r.Scalar(u, "utilization", ""),
                    "is outside (0%, 100%]", r.At(u), "give the share of peak compute a network sustains, such as `70%`"));
            }
        }

        var overlap = f.Optional("overlap") is { } o
            ? (OverlapMode)r.Choice(o, "overlap", ManifestKeys.OverlapValues)
            : OverlapMode.Pipelined;

        var tiers = ReadTiers(r, f.Required("memory", label), name);
        var code = f.Optional("code") is { } c ? ReadCode(r, c, name) : CodeSizeModel.Default;
        var engine = ReadEngine(r, f, label);
        var execution = f.Optional("execution") is { } x
            ? (ExecutionMode)r.Choice(x, "execution", ManifestKeys.ExecutionValues)
            : ExecutionMode.LayerByLayer;
        var caching = f.Optional("weightCaching") is { } wc
            ? (WeightCaching)r.Choice(wc, "weightCaching", ManifestKeys.WeightCachingValues)
            : WeightCaching.Partial;
        var host = f.Optional("hostLink") is { } h ? ReadHostLink(r, h, name) : null;
        if (f.Optional("fabricUnits") is { } fu)
        {
            var units = (int)r.Integer(fu, "fabricUnits", 1, 1 << 20);
            if (execution != ExecutionMode.Dataflow)
            {
                throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange("fabricUnits", r.Scalar(fu, "fabricUnits", ""),
                    "applies only to a dataflow fabric", r.At(fu), "add `execution: dataflow` to " + label + ", or remove `fabricUnits:`"));
            }

            engine = (engine ?? ComputeEngine.Ideal) with { FabricUnits = units };
        }

        if (f.Optional("layerBandwidth") is { } lb)
        {
            var port = r.Quantity(lb, "layerBandwidth", UnitKind.Bandwidth);
            if (engine is not { FabricUnits: > 0 })
            {
                throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange("layerBandwidth", r.Scalar(lb, "layerBandwidth", ""),
                    "applies only to a dataflow fabric of units", r.At(lb), "add `fabricUnits:` (and `execution: dataflow`) to " + label + ", or remove `layerBandwidth:`"));
            }

            engine = engine with { LayerBytesPerSecond = port };
        }

        if (f.Optional("efficiency") is { } eff)
        {
            engine = (engine ?? ComputeEngine.Ideal) with { Kinds = ReadKinds(r, eff, name) };
        }

        var striping = f.Optional("striping") is { } st
            ? (ActivationStriping)r.Choice(st, "striping", ManifestKeys.StripingValues)
            : ActivationStriping.Off;
        var accelerator = new Accelerator(name, ops.MacsPerSecond, utilization, overlap, tiers, code, entryAt, engine, execution, caching, host, striping);
        HierarchyValidator.Validate(accelerator);
        return (accelerator, r.At(nameNode));
    }

    /// <summary>
    /// `preset: inferx-x1` plus overrides: the preset's entry with every key the manifest also sets replaced
    /// by the manifest's value (`memory:` is replaced as a whole list). Unknown override keys are errors
    /// naming the fields a preset has.
    /// </summary>
    private static MappingFields WithPreset(YamlReader r, MappingFields f, YamlNode presetNode)
    {
        var preset = AcceleratorPresets.Get(r.Scalar(presetNode, "preset", "a preset name such as `inferx-x1`"), r.At(presetNode));
        var merged = new YamlMappingNode();
        var overrides = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in f.Node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name != "preset" && !AcceleratorPresets.Fields.Contains(name, StringComparer.Ordinal))
            {
                throw new FitCheckException(DiagnosticCatalog.UnknownPresetOverride(name, preset.Name,
                    DiagnosticCatalog.Closest(name, AcceleratorPresets.Fields), AcceleratorPresets.Fields, r.At(key)));
            }

            overrides.Add(name);
        }

        foreach (var (key, value) in preset.Node.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (AcceleratorPresets.Fields.Contains(name, StringComparer.Ordinal) && !overrides.Contains(name))
            {
                merged.Add(key, value);
            }
        }

        foreach (var (key, value) in f.Node.Children)
        {
            if ((key as YamlScalarNode)?.Value != "preset")
            {
                merged.Add(key, value);
            }
        }

        return new MappingFields(r, merged, "accelerators entry");
    }

    private static List<MemoryTier> ReadTiers(YamlReader r, YamlNode node, string accelerator)
    {
        var tiers = new List<MemoryTier>();
        var nameAt = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        long onChip = 0;
        foreach (var item in r.Sequence(node, "memory", "a list of tiers, fastest first: `- name: sram` with `size:` and `bandwidth:`"))
        {
            var f = r.Mapping(item, "memory entry", "`- name: sram` with `size:` and `bandwidth:`");
            var label = f.Peek("name") is { } n
                ? $"memory tier '{DiagnosticCatalog.Clip(n)}' of accelerator '{DiagnosticCatalog.Clip(accelerator)}'"
                : $"memory tier #{tiers.Count + 1} of accelerator '{DiagnosticCatalog.Clip(accelerator)}'";
            f.CheckKeys(ManifestKeys.MemoryTier, label);

            var nameNode = f.Required("name", label);
            var name = r.Scalar(nameNode, "name", "a name such as `local-sram`");
            var sizeNode = f.Required("size", label);
            var size = r.Bytes(sizeNode, "size");
            var written = r.Scalar(sizeNode, "size", "");
            var tiles = f.Optional("tiles") is { } t ? (int)r.Integer(t, "tiles", 1, int.MaxValue) : 1;
            var bandwidth = r.Quantity(f.Required("bandwidth", label), "bandwidth", UnitKind.Bandwidth);
            var onChipTier = Kind(r, f.Optional("kind"), name, accelerator, r.At(nameNode));

            if (!nameAt.TryAdd(name, r.At(nameNode)))
            {
                throw new FitCheckException(DiagnosticCatalog.DuplicateName("memory tier", name, nameAt[name], r.At(nameNode)));
            }

            // Capacity and the on-chip total are computed later with checked arithmetic; make sure they can be.
            try
            {
                var capacity = checked(size * tiles);
                onChip = onChipTier ? checked(onChip + capacity) : onChip;
            }
            catch (OverflowException)
            {
                throw new FitCheckException(DiagnosticCatalog.CapacityOverflow(name, f.Location));
            }

            if (onChipTier && checked(size * tiles) > TierKindRule.PlausibleOnChipBytes)
            {
                var total = tiles == 1 ? written : $"{tiles} tiles of {written}";
                r.Warnings.Add(DiagnosticCatalog.OnChipTierImplausiblyLarge(accelerator, name, total, f.Location));
            }

            tiers.Add(new MemoryTier(name, size, tiles, bandwidth, onChipTier, f.Location) { SizeStyle = ByteFormat.StyleOf(written) });
        }

        return tiers;
    }

    /// <summary>`macArray: 64x64` (input x output lanes), `vectorLanes: 64`, `winograd: true`; null when none is written.</summary>
    private static ComputeEngine? ReadEngine(YamlReader r, MappingFields f, string label)
    {
        var array = f.Optional("macArray");
        var lanes = f.Optional("vectorLanes");
        var winograd = f.Optional("winograd") is { } w && r.Choice(w, "winograd", ManifestKeys.BooleanValues) == 1;
        if (array is null && lanes is null && !winograd)
        {
            return null;
        }

        int rows = 0, cols = 0;
        if (array is not null)
        {
            var text = r.Scalar(array, "macArray", "input x output lanes such as `64x64`");
            var parts = text.Split('x', 'X', '×');
            if (parts.Length != 2 || !int.TryParse(parts[0].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out rows)
                || !int.TryParse(parts[1].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out cols)
                || rows is < 1 or > 65536 || cols is < 1 or > 65536)
            {
                throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange("macArray", text, "is not ROWSxCOLUMNS", r.At(array),
                    "write input lanes x output lanes per cycle, each 1 to 65536, such as `64x64` (a 4,096-MAC systolic array)"));
            }
        }

        var vector = lanes is null ? 0 : (int)r.Integer(lanes, "vectorLanes", 1, 65536);
        if (vector > 0 && array is null)
        {
            throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange("vectorLanes", r.Scalar(lanes!, "vectorLanes", ""),
                "needs a `macArray:` to set the clock it runs at", r.At(lanes!), "add `macArray:` (e.g. `64x64`) to " + label));
        }

        return new ComputeEngine(rows, cols, vector, winograd);
    }

    /// <summary>`efficiency: {depthwise: 40%, vector: 80%}`: a share in (0%, 100%] per operator kind named.</summary>
    private static KindEfficiency ReadKinds(YamlReader r, YamlNode node, string accelerator)
    {
        var f = r.Mapping(node, "efficiency", "a share per operator kind such as `depthwise: 40%`");
        f.CheckKeys(ManifestKeys.Efficiency, $"efficiency of accelerator '{DiagnosticCatalog.Clip(accelerator)}'");
        var kinds = KindEfficiency.One;
        for (var k = 0; k < KindEfficiency.Names.Length; k++)
        {
            if (f.Optional(KindEfficiency.Names[k]) is not { } v)
            {
                continue;
            }

            var share = r.Quantity(v, KindEfficiency.Names[k], UnitKind.Percent);
            if (share is <= 0 or > 1)
            {
                throw new FitCheckException(DiagnosticCatalog.ValueOutOfRange(KindEfficiency.Names[k], r.Scalar(v, KindEfficiency.Names[k], ""),
                    "is outside (0%, 100%]", r.At(v), "give the share of the modelled rate this kind of layer achieves, such as `40%`"));
            }

            kinds = kinds.With(k, share);
        }

        return kinds;
    }

    private static HostLink ReadHostLink(YamlReader r, YamlNode node, string accelerator)
    {
        var f = r.Mapping(node, "hostLink", "`bandwidth:` such as `400 MB/s` and optionally `overhead:` such as `0.1 ms`");
        f.CheckKeys(ManifestKeys.HostLink, $"hostLink of accelerator '{DiagnosticCatalog.Clip(accelerator)}'");
        var bandwidth = r.Quantity(f.Required("bandwidth", "hostLink"), "bandwidth", UnitKind.Bandwidth);
        var overhead = f.Optional("overhead") is { } o ? r.Quantity(o, "overhead", UnitKind.Duration, allowZero: true) : 0;
        return new HostLink(bandwidth, overhead);
    }

    private static CodeSizeModel ReadCode(YamlReader r, YamlNode node, string accelerator)
    {
        var f = r.Mapping(node, "code", "`runtime:`, `perKernel:` and `perLayer:` sizes such as `64 KiB`");
        var label = $"code of accelerator '{DiagnosticCatalog.Clip(accelerator)}'";
        f.CheckKeys(ManifestKeys.Code, label);
        var d = CodeSizeModel.Default;

        // Zero is meaningful here: a bare-metal target may have no runtime at all.
        return new CodeSizeModel(
            f.Optional("runtime") is { } rt ? r.Bytes(rt, "runtime", allowZero: true) : d.RuntimeBytes,
            f.Optional("perKernel") is { } pk ? r.Bytes(pk, "perKernel", allowZero: true) : d.PerKernelBytes,
            f.Optional("perLayer") is { } pl ? r.Bytes(pl, "perLayer", allowZero: true) : d.PerLayerBytes);
    }

    /// <summary>
    /// On-chip or not: `kind:` when written (with a warning when the name says the other), else the name when
    /// <see cref="TierKindRule"/> finds it unambiguous, else an input error: a guess could pass a gate silently.
    /// </summary>
    private static bool Kind(YamlReader r, YamlNode? kind, string name, string accelerator, SourceLocation nameAt)
    {
        var fromName = TierKindRule.OnChipFromName(name);
        if (kind is null)
        {
            return fromName ?? throw new FitCheckException(DiagnosticCatalog.TierKindUnknown(accelerator, name, nameAt));
        }

        var onChip = r.Choice(kind, "kind", ManifestKeys.TierKinds) == 0;
        if (fromName is { } named && named != onChip)
        {
            r.Warnings.Add(DiagnosticCatalog.TierKindContradictsName(accelerator, name, ManifestKeys.TierKinds[onChip ? 0 : 1], r.At(kind)));
        }

        return onChip;
    }
}
