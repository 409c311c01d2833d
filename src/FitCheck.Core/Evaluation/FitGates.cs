using System.Globalization;
using FitCheck.Hardware;
using FitCheck.Units;

namespace FitCheck.Evaluation;

/// <summary>
/// Memory gates: each item (weights, activation arena, code) must fit the place the manifest names, and
/// items sent to the same place must fit it together. Headroom keeps a share of every capacity free.
/// With no gate stated at all, the least a deployment must do is fit the accelerator somewhere.
/// </summary>
public static class FitGates
{
    /// <summary>Where an item must fit: the stated target, else `anywhere` when the manifest states no gate at all.</summary>
    public static string? TargetOf(GateSpec spec, string key) =>
        spec.Target(key) ?? (spec.Values.Count == 0 ? GateSpec.Anywhere : null);

    /// <summary>An item's `*-fit` gate: weights, activations or code in the memory its key names.</summary>
    public static IEnumerable<GateResult> Item(GateContext c, GateDefinition d)
    {
        if (TargetOf(c.Spec, d.ManifestKey!) is { } target)
        {
            yield return Fit(d.Id, d.Item!, d.Figure!(c.Analysis), c.Accelerator, target, c.Spec.HeadroomFraction);
        }
    }

    /// <summary>One `TARGET-total-fit` gate per memory that two or more items are sent to.</summary>
    public static IEnumerable<GateResult> Totals(GateContext c, GateDefinition d)
    {
        var items = GateCatalog.All
            .Where(row => row.Value == GateValueKind.Target && row.Figure is not null)
            .Select(row => (row.Item!, Bytes: row.Figure!(c.Analysis), Target: TargetOf(c.Spec, row.ManifestKey!)))
            .Where(i => i.Target is not null);
        foreach (var group in items.GroupBy(i => i.Target!, StringComparer.Ordinal))
        {
            if (group.Count() < 2)
            {
                continue;
            }

            var names = string.Join(" + ", group.Select(g => g.Item1));
            var total = group.Aggregate(0L, (s, g) => checked(s + g.Bytes));
            yield return Fit($"{group.Key}-{d.Id}", names, total, c.Accelerator, group.Key, c.Spec.HeadroomFraction);
        }
    }

    /// <summary>A `max*` byte ceiling on an item, echoed in the units the manifest wrote it in.</summary>
    public static IEnumerable<GateResult> Ceiling(GateContext c, GateDefinition d)
    {
        if (c.Spec.Bytes(d.ManifestKey!) is not { } max)
        {
            yield break;
        }

        var bytes = d.Figure!(c.Analysis);
        var style = ByteFormat.StyleOf(c.Spec.Written.GetValueOrDefault(d.ManifestKey!));
        var limit = c.Spec.Written.GetValueOrDefault(d.ManifestKey!) ?? ByteFormat.Human(max, style);
        yield return bytes <= max
            ? new GateResult(d.Id, true, $"{d.Item} {ByteFormat.Human(bytes, style)} within the {limit} ceiling")
            : new GateResult(d.Id, false, $"{d.Item} {ByteFormat.Human(bytes, style)} exceed the {limit} ceiling by {ByteFormat.Human(bytes - max, style)}");
    }

    /// <summary>Capacity of a gate target on this accelerator and how to name it in a sentence.</summary>
    public static (long Bytes, string Name) Capacity(Accelerator acc, string target)
    {
        if (target == GateSpec.OnChip)
        {
            var tiers = acc.Tiers.Where(t => t.OnChip).Select(t => t.Name).ToArray();
            return (acc.OnChipBytes, tiers.Length == 0 ? "on-chip memory (none)" : $"on-chip {string.Join(" + ", tiers)}");
        }

        if (target == GateSpec.Anywhere)
        {
            var total = acc.Tiers.Aggregate(0L, (s, t) => checked(s + t.CapacityBytes));
            return (total, $"all of {acc.Name}'s memory");
        }

        var tier = acc.FindTier(target);
        return (tier?.CapacityBytes ?? 0, tier is null ? $"{target} (not on {acc.Name})" : tier.Name);
    }

    private static GateResult Fit(string gate, string item, long bytes, Accelerator acc, string target, double headroom)
    {
        var (capacity, where) = Capacity(acc, target);
        var style = TargetStyle(acc, target);
        var usable = (long)Math.Floor(capacity * (1 - headroom));
        var budget = headroom > 0
            ? $"{where} ({ByteFormat.Human(usable, style)} usable of {ByteFormat.Human(capacity, style)} with {(headroom * 100).ToString("0.#", CultureInfo.InvariantCulture)}% headroom)"
            : $"{where} ({ByteFormat.Human(capacity, style)})";
        return bytes <= usable
            ? new GateResult(gate, true, $"{item} {ByteFormat.Human(bytes, style)} fit {budget}, {ByteFormat.Human(usable - bytes, style)} to spare")
            : new GateResult(gate, false, $"{item} {ByteFormat.Human(bytes, style)} exceed {budget} by {ByteFormat.Human(bytes - usable, style)}");
    }

    /// <summary>The units the tiers behind a target were written in: binary when every one of them was.</summary>
    private static ByteStyle TargetStyle(Accelerator acc, string target)
    {
        var tiers = target switch
        {
            GateSpec.OnChip => acc.Tiers.Where(t => t.OnChip),
            GateSpec.Anywhere => acc.Tiers,
            _ => acc.Tiers.Where(t => t.Name == target),
        };
        var styles = tiers.Select(t => t.SizeStyle).Distinct().ToList();
        return styles.Count == 1 ? styles[0] : ByteStyle.Decimal;
    }
}
