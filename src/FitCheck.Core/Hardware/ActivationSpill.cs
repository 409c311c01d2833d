namespace FitCheck.Hardware;

/// <summary>
/// How the activation arena is split when it does not fit its on-chip tier: the buffers in
/// <see cref="Spilled"/> live in tier <see cref="SpillTier"/>; the rest are re-packed into an arena of
/// <see cref="KeptArenaBytes"/> in the home tier, the spilled ones into an arena of <see cref="SpilledBytes"/>
/// in the spill tier (packed the same way). <see cref="SpillTier"/> is -1 when nothing spills.
/// </summary>
public sealed record ActivationSpill(int SpillTier, long KeptArenaBytes, long SpilledBytes, int SpilledCount, bool[] Spilled)
{
    public bool Any => SpilledCount > 0;
}
