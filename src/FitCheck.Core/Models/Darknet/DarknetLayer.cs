using FitCheck.Diagnostics;

namespace FitCheck.Models.Darknet;

/// <summary>
/// One layer section after its keys were read and checked; only what shapes and costs depend on.
/// Sources are absolute Darknet indices (0 = the first section after [net]), already checked to point backwards.
/// </summary>
internal sealed record DarknetLayer
{
    public required DarknetLayerKind Kind { get; init; }

    /// <summary>The section name as written (e.g. "conv" for an alias), for messages.</summary>
    public required string Section { get; init; }

    public required SourceLocation At { get; init; }

    public long Filters { get; init; }
    public int Size { get; init; }
    public int StrideX { get; init; } = 1;
    public int StrideY { get; init; } = 1;
    public int Pad { get; init; }
    public int Dilation { get; init; } = 1;
    public int Groups { get; init; } = 1;
    public int GroupId { get; init; }

    /// <summary>Null for Darknet's "linear" (no activation).</summary>
    public string? Activation { get; init; }

    public int[] Sources { get; init; } = [];
}
