using FitCheck.Diagnostics;

namespace FitCheck.Hardware;

/// <summary>
/// Checks an accelerator before anything is placed on it: tiers are listed fastest first, on-chip before
/// off-chip, each with a positive size and bandwidth. Placement fills tiers in the given order, so a
/// hierarchy out of order would silently put data in the slow tier; it is an input error instead.
/// </summary>
public static class HierarchyValidator
{
    public static void Validate(Accelerator acc)
    {
        if (!(acc.MacsPerSecond > 0))
        {
            throw new FitCheckException(DiagnosticCatalog.ComputeNotPositive(acc.Name, acc.Location));
        }

        if (acc.Tiers.Count == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.NoMemoryTiers(acc.Name, acc.Location));
        }

        MemoryTier? firstOffChip = null;
        MemoryTier? previous = null;
        foreach (var tier in acc.Tiers)
        {
            var at = tier.Location ?? acc.Location;
            if (!(tier.BandwidthBytesPerSecond > 0) || double.IsNaN(tier.BandwidthBytesPerSecond))
            {
                throw new FitCheckException(DiagnosticCatalog.TierBandwidthNotPositive(acc.Name, tier.Name, at));
            }

            if (tier.TileBytes <= 0 || tier.Tiles <= 0)
            {
                throw new FitCheckException(DiagnosticCatalog.NoOnChipCapacity(acc.Name, at));
            }

            if (tier.OnChip && firstOffChip is not null)
            {
                throw new FitCheckException(DiagnosticCatalog.TierOnChipAfterOffChip(acc.Name, tier.Name, firstOffChip.Name, at));
            }

            if (previous is not null && previous.BandwidthBytesPerSecond < tier.BandwidthBytesPerSecond)
            {
                throw new FitCheckException(DiagnosticCatalog.TierSlowerBeforeFaster(acc.Name, previous.Name,
                    previous.BandwidthBytesPerSecond, tier.Name, tier.BandwidthBytesPerSecond, previous.Location ?? at));
            }

            firstOffChip ??= tier.OnChip ? null : tier;
            previous = tier;
        }

        try
        {
            _ = acc.TotalBytes;
            _ = acc.OnChipBytes;
        }
        catch (FitCheckException e)
        {
            throw new FitCheckException(e.Diagnostic with { Location = acc.Location });
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.FigureOverflow($"the memory of accelerator '{acc.Name}' (size x tiles)", acc.Location));
        }
    }
}
