using FitCheck.Analysis;
using FitCheck.Diagnostics;

namespace FitCheck.Hardware;

/// <summary>
/// A target: compute rate, ordered memory tiers (fastest first) and code-size constants.
/// <see cref="MacsPerSecond"/> is the peak; <see cref="Utilization"/> is the fraction a real network sustains.
/// </summary>
public sealed record Accelerator(
    string Name,
    double MacsPerSecond,
    double Utilization,
    OverlapMode Overlap,
    IReadOnlyList<MemoryTier> Tiers,
    CodeSizeModel Code,
    SourceLocation? Location = null)
{
    public long OnChipBytes
    {
        get
        {
            long total = 0;
            foreach (var t in Tiers)
            {
                if (t.OnChip)
                {
                    total = checked(total + t.CapacityBytes);
                }
            }

            return total;
        }
    }

    public MemoryTier? FindTier(string name)
    {
        foreach (var t in Tiers)
        {
            if (string.Equals(t.Name, name, StringComparison.Ordinal))
            {
                return t;
            }
        }

        return null;
    }
}
