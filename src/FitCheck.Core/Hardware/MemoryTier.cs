using FitCheck.Diagnostics;

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
}
