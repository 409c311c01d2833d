using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Units;

namespace FitCheck.Hardware;

/// <summary>
/// A target: compute rate, ordered memory tiers (fastest first) and code-size constants.
/// <see cref="MacsPerSecond"/> is the peak; <see cref="Utilization"/> is the fraction a real network sustains,
/// a global factor on top of each layer's efficiency from <see cref="Engine"/> (its MAC array's shape).
/// </summary>
public sealed record Accelerator(
    string Name,
    double MacsPerSecond,
    double Utilization,
    OverlapMode Overlap,
    IReadOnlyList<MemoryTier> Tiers,
    CodeSizeModel Code,
    SourceLocation? Location = null,
    ComputeEngine? Engine = null,
    ExecutionMode Execution = ExecutionMode.LayerByLayer,
    WeightCaching Caching = WeightCaching.Partial,
    HostLink? Host = null,
    ActivationStriping Striping = ActivationStriping.Off)
{
    public ComputeEngine ComputeShape => Engine ?? ComputeEngine.Ideal;

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

    /// <summary>All tiers' capacity; <see cref="HierarchyValidator"/> checks that it fits 64 bits.</summary>
    public long TotalBytes
    {
        get
        {
            long total = 0;
            foreach (var t in Tiers)
            {
                total = CheckedSize.Add(total, t.CapacityBytes, $"the memory of accelerator '{Name}' (all tiers' size x tiles)");
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
