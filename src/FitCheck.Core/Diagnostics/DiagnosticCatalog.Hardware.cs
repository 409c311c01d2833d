using System.Globalization;

namespace FitCheck.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static Diagnostic TierBandwidthNotPositive(string accelerator, string tier, SourceLocation? at) =>
        new("FC0301", $"memory tier '{tier}' of accelerator '{accelerator}' has no bandwidth", at,
            "give the tier's sustained bandwidth, e.g. `bandwidth: 17 GB/s`; a tier nothing can be read from cannot hold weights or activations");

    public static Diagnostic TierOnChipAfterOffChip(string accelerator, string tier, string offChip, SourceLocation? at) =>
        new("FC0302", $"on-chip tier '{tier}' of accelerator '{accelerator}' comes after off-chip tier '{offChip}'", at,
            "list memory fastest first: on-chip SRAM tiers, then DRAM");

    public static Diagnostic TierSlowerBeforeFaster(string accelerator, string slower, double slowerBandwidth, string faster, double fasterBandwidth, SourceLocation? at) =>
        new("FC0303", string.Create(CultureInfo.InvariantCulture,
                $"memory tier '{slower}' ({slowerBandwidth / 1e9:0.###} GB/s) of accelerator '{accelerator}' comes before the faster tier '{faster}' ({fasterBandwidth / 1e9:0.###} GB/s)"),
            at, "list memory fastest first; placement fills tiers in the order given");

    public static Diagnostic UnknownPreset(string name, string? suggestion, IEnumerable<string> known, SourceLocation? at) =>
        new("FC0304", $"unknown accelerator preset '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"), at,
            $"presets: {string.Join(", ", known)} (run `dotnet fitcheck zoo`)");

    public static Diagnostic UnknownPresetOverride(string key, string preset, string? suggestion, IEnumerable<string> known, SourceLocation? at) =>
        new("FC0305", $"'{key}' is not a field of accelerator preset '{preset}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"), at,
            $"a preset can override: {string.Join(", ", known)}");

    public static Diagnostic NoMemoryTiers(string accelerator, SourceLocation? at) =>
        new("FC0306", $"accelerator '{accelerator}' has no memory tiers", at,
            "add at least one tier under `memory:`, e.g. `- name: sram` with `size: 8 MiB` and `bandwidth: 400 GB/s`");

    public static Diagnostic ComputeNotPositive(string accelerator, SourceLocation? at) =>
        new("FC0307", $"accelerator '{accelerator}' has no compute rate", at, "give its peak rate, e.g. `compute: 4 TOPS`");

    public static Diagnostic InvalidPresetFile(string reason, SourceLocation? at) =>
        new("FC0308", $"the accelerator preset file is invalid: {reason}", at, "fix src/FitCheck.Core/Hardware/Presets/presets.yml");

    public static Diagnostic NoOnChipCapacity(string accelerator, SourceLocation? at) =>
        new("FC0309", $"accelerator '{accelerator}' has a memory tier of size zero", at, "give every tier a size, e.g. `size: 8 MiB`");

    public static Diagnostic TierKindUnknown(string accelerator, string tier, SourceLocation? at) =>
        new("FC0310", $"memory tier '{Clip(tier)}' of accelerator '{Clip(accelerator)}' does not say whether it is on-chip SRAM or DRAM", at,
            "add `kind: sram` (on the chip) or `kind: dram` (off it); without `kind:` only names such as sram, tcm, l2, dram, ddr4, lpddr4 or hbm2 decide it");

    public static Diagnostic OnChipTierImplausiblyLarge(string accelerator, string tier, string size, SourceLocation? at) =>
        new("FC0311", $"on-chip tier '{Clip(tier)}' of accelerator '{Clip(accelerator)}' holds {size}, more than any single-die SRAM", at,
            "if this memory is off the chip, write `kind: dram`; on-chip gates count every byte of an SRAM tier", DiagnosticSeverity.Warning);

    public static Diagnostic TierKindContradictsName(string accelerator, string tier, string kind, SourceLocation? at) =>
        new("FC0312", $"memory tier '{Clip(tier)}' of accelerator '{Clip(accelerator)}' is named like {(kind == "sram" ? "DRAM" : "SRAM")} but declared `kind: {kind}`", at,
            "check `kind:`; on-chip gates count only SRAM tiers", DiagnosticSeverity.Warning);
}
