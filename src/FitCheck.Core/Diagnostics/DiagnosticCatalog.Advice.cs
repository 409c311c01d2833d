namespace FitCheck.Diagnostics;

/// <summary>FC09xx: questions `advise` cannot answer because they are wrong, located where they were asked.</summary>
public static partial class DiagnosticCatalog
{
    public static Diagnostic AdviceUnknownTier(string tier, string accelerator, IEnumerable<string> tiers, SourceLocation? at) =>
        new("FC0901", $"--min-memory '{Clip(tier)}': {accelerator} has no memory tier of that name", at,
            $"name one of {accelerator}'s tiers: {string.Join(", ", tiers)}");

    public static Diagnostic AdviceEmptyRange(string model, string range, string grid, SourceLocation? at) =>
        new("FC0902", $"{model}: no resolution in {range} is on the model's grid ({grid})", at,
            "widen --range so that it holds at least one valid size, e.g. --range 32..4096");

    public static Diagnostic AdviceMissingGate(string gate, string model, string accelerator, IEnumerable<string> gates, SourceLocation? at) =>
        new("FC0903", $"--for '{Clip(gate)}': {model} on {accelerator} has no such gate", at,
            $"name one of its gates: {string.Join(", ", gates)}; or add the gate to the model's `gates:`");

    public static Diagnostic AdviceNoQuestion() =>
        new("FC0904", "advise needs a question", null,
            "add --max-resolution, --min-memory TIER, --precision or --batch, e.g. `dotnet fitcheck advise fitcheck.yml --max-resolution`");

    public static Diagnostic AdviceBadRange(string text) =>
        new("FC0905", $"--range '{Clip(text)}' is not a range of sides", null,
            "write MIN..MAX in pixels for the longer side, e.g. --range 32..4096");
}
