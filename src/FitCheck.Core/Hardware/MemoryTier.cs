using FitCheck.Diagnostics;
using FitCheck.Units;

namespace FitCheck.Hardware;

/// <summary>
/// One level of an accelerator's memory, fastest first in <see cref="Accelerator.Tiers"/>. Distributed
/// local SRAM is <see cref="Tiles"/> banks of <see cref="TileBytes"/> each.
/// </summary>
public sealed record MemoryTier(
    string Name,
    long TileBytes,
    int Tiles,
    double BandwidthBytesPerSecond,
    bool OnChip,
    SourceLocation? Location = null)
{
    public long CapacityBytes => checked(TileBytes * Tiles);

    /// <summary>The units the size was written in, so capacities are reported back in them.</summary>
    public ByteStyle SizeStyle { get; init; } = ByteStyle.Decimal;
}
