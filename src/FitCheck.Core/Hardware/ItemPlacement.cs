namespace FitCheck.Hardware;

/// <summary>
/// Where one item (code, activation arena or weights) lives. <see cref="Tier"/> is the index of the tier
/// that holds it (-1 when no tier has room). An item held by an off-chip tier is <see cref="Streamed"/>:
/// it is fetched from there every frame rather than kept next to the compute.
/// </summary>
public sealed record ItemPlacement(string Item, long Bytes, int Tier, bool Streamed)
{
    public bool Fits => Tier >= 0;
}
