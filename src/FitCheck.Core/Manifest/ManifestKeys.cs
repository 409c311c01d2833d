namespace FitCheck.Manifest;

/// <summary>
/// The keys each mapping of a version-1 manifest accepts. The parser rejects any other key with these
/// lists as the hint, and the JSON Schema is checked against them, so this is the one place to add a key.
/// </summary>
public static class ManifestKeys
{
    public static readonly string[] Root = ["version", "accelerators", "models", "together"];

    /// <summary>A `together:` entry: models deployed together on one accelerator.</summary>
    public static readonly string[] Together = ["name", "accelerator", "models", "arenas"];

    /// <summary>Values of `arenas:`, in <see cref="Hardware.ArenaSharing"/> order.</summary>
    public static readonly string[] ArenasValues = ["sequential", "concurrent"];

    public static readonly string[] Accelerator =
    [
        "name", "compute", "utilization", "overlap", "memory", "code", "preset",
        "macArray", "vectorLanes", "winograd", "execution", "weightCaching", "hostLink",
        "fabricUnits", "layerBandwidth", "efficiency",
        "striping",
    ];

    /// <summary>Keys of `efficiency:`, one per operator kind.</summary>
    public static readonly string[] Efficiency = Hardware.KindEfficiency.Names;

    public static readonly string[] HostLink = ["bandwidth", "overhead"];

    /// <summary>Values of `execution:`.</summary>
    public static readonly string[] ExecutionValues = ["layer-by-layer", "dataflow"];

    /// <summary>Values of `weightCaching:`.</summary>
    public static readonly string[] WeightCachingValues = ["partial", "all-or-nothing"];

    /// <summary>Values of `striping:`.</summary>
    public static readonly string[] StripingValues = ["off", "auto"];

    /// <summary>Values of `winograd:`.</summary>
    public static readonly string[] BooleanValues = ["false", "true"];

    public static readonly string[] MemoryTier = ["name", "size", "tiles", "bandwidth", "kind"];

    public static readonly string[] Code = ["runtime", "perKernel", "perLayer"];

    public static readonly string[] Model = ["name", "source", "resolutions", "inputs", "precision", "batch", "deploy", "gates"];

    /// <summary>`gates:` keys: one per gate in the catalogue that a manifest can ask for, and `headroom`.</summary>
    public static readonly string[] Gates = [.. Evaluation.GateCatalog.ManifestKeys, "headroom"];

    /// <summary>Values of `overlap:`.</summary>
    public static readonly string[] OverlapValues = ["pipelined", "serialized"];

    /// <summary>Values of a memory tier's `kind:`.</summary>
    public static readonly string[] TierKinds = ["sram", "dram"];

    /// <summary>Versions this parser reads.</summary>
    public static readonly int[] SupportedVersions = [1];
}
