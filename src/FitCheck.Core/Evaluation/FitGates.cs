using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Units;

namespace FitCheck.Evaluation;

/// <summary>
/// Memory gates: each item (weights, activation arena, code) must fit the place the manifest names, and
/// items sent to the same place must fit it together. Headroom keeps a share of every capacity free.
/// </summary>
public static class FitGates
{
    public static List<GateResult> Evaluate(ModelAnalysis a, Accelerator acc, GateSpec spec)
    {
        var gates = new List<GateResult>();
        var items = new List<(string Item, long Bytes, string Target)>();
        var anyTarget = spec.WeightsIn is not null || spec.ActivationsIn is not null || spec.CodeIn is not null;
        var anyCeiling = spec.MaxWeightBytes is not null || spec.MaxActivationBytes is not null || spec.MaxCodeBytes is not null
            || spec.MaxTotalBytes is not null || spec.MinFps is not null || spec.MaxLatencySeconds is not null || spec.MaxDramBytesPerSecond is not null;

        // With no placement gates at all, the least a deployment must do is fit the accelerator somewhere.
        var fallback = anyTarget || anyCeiling ? null : GateSpec.Anywhere;
        Add(items, "weights", a.WeightBytes, spec.WeightsIn ?? fallback);
        Add(items, "activations", a.Activations.PeakBytes, spec.ActivationsIn ?? fallback);
        Add(items, "code", a.CodeBytes, spec.CodeIn ?? fallback);

        foreach (var (item, bytes, target) in items)
        {
            gates.Add(Fit($"{item}-fit", item, bytes, acc, target, spec.HeadroomFraction));
        }

        foreach (var group in items.GroupBy(i => i.Target, StringComparer.Ordinal))
        {
            if (group.Count() < 2)
            {
                continue;
            }

            var names = string.Join(" + ", group.Select(g => g.Item));
            var total = group.Sum(g => g.Bytes);
            gates.Add(Fit($"{group.Key}-total-fit", names, total, acc, group.Key, spec.HeadroomFraction));
        }

        Ceiling(gates, "max-weights", "weights", a.WeightBytes, spec.MaxWeightBytes);
        Ceiling(gates, "max-activations", "activations", a.Activations.PeakBytes, spec.MaxActivationBytes);
        Ceiling(gates, "max-code", "code", a.CodeBytes, spec.MaxCodeBytes);
        Ceiling(gates, "max-total", "weights + activations + code", a.TotalBytes, spec.MaxTotalBytes);
        return gates;
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
            var total = acc.TotalBytes;
            return (total, $"all of {acc.Name}'s memory");
        }

        var tier = acc.FindTier(target);
        return (tier?.CapacityBytes ?? 0, tier is null ? $"{target} (not on {acc.Name})" : tier.Name);
    }

    private static void Add(List<(string, long, string)> items, string item, long bytes, string? target)
    {
        if (target is not null)
        {
            items.Add((item, bytes, target));
        }
    }

    private static GateResult Fit(string gate, string item, long bytes, Accelerator acc, string target, double headroom)
    {
        var (capacity, where) = Capacity(acc, target);
        var usable = (long)Math.Floor(capacity * (1 - headroom));
        var budget = headroom > 0
            ? $"{where} ({ByteFormat.Human(usable)} usable of {ByteFormat.Human(capacity)} with {(headroom * 100).ToString("0.#", CultureInfo.InvariantCulture)}% headroom)"
            : $"{where} ({ByteFormat.Human(capacity)})";
        return bytes <= usable
            ? new GateResult(gate, true, $"{item} {ByteFormat.Human(bytes)} fit {budget}, {ByteFormat.Human(usable - bytes)} to spare")
            : new GateResult(gate, false, $"{item} {ByteFormat.Human(bytes)} exceed {budget} by {ByteFormat.Human(bytes - usable)}");
    }

    private static void Ceiling(List<GateResult> gates, string gate, string item, long bytes, long? limit)
    {
        if (limit is not { } max)
        {
            return;
        }

        gates.Add(bytes <= max
            ? new GateResult(gate, true, $"{item} {ByteFormat.Human(bytes)} within the {ByteFormat.Human(max)} ceiling")
            : new GateResult(gate, false, $"{item} {ByteFormat.Human(bytes)} exceed the {ByteFormat.Human(max)} ceiling by {ByteFormat.Human(bytes - max)}"));
    }
}
