using FitCheck.Evaluation;

namespace FitCheck.Reports;

/// <summary>
/// The longer texts code scanning shows beside an alert (GitHub requires a rule's fullDescription and
/// help): what the gate checks (its <see cref="GateCatalog"/> row), where FitCheck reports it, and what to
/// change — advice by the gate's family (fit, ceiling, rate, growth), so a new gate needs no entry here.
/// </summary>
public static class SarifRuleHelp
{
    private static string Description(string kind) => GateCatalog.Find(kind)?.Description ?? $"The gate '{kind}' must pass.";

    private static string Name(string kind) => GateCatalog.Find(kind)?.RuleName ?? kind;

    public static string FullDescription(string kind) =>
        Description(kind) + " FitCheck evaluates it for every model × resolution × accelerator the manifest deploys, "
        + "and reports a failure at the manifest line that declares the deployment.";

    /// <summary>(plain text, Markdown) of what a reader can do about a failure of this kind.</summary>
    public static (string Text, string Markdown) Help(string kind)
    {
        var fix = Fix(kind);
        var text = $"{Description(kind)} To fix: {fix} Figures and their definitions: `dotnet fitcheck explain <model> --accelerator <name> --resolution <WxH>` prints per-layer bytes and time; see {ReportOptions.InformationUri}.";
        var markdown = $"**{Name(kind)}**: {Description(kind)}\n\n**To fix:** {fix}\n\n"
            + "Run `dotnet fitcheck explain <model> --accelerator <name> --resolution <WxH>` for the per-layer bytes and time behind the figure; "
            + $"definitions are in the [FitCheck README]({ReportOptions.InformationUri}).";
        return (text, markdown);
    }

    private static string Fix(string kind) => kind switch
    {
        "max-growth" => "check whether the growth is intended; if so, refresh the baseline or raise --max-growth.",
        "min-fps" or "max-latency" => "lower the resolution or the batch, choose a lighter model, or an accelerator with more compute or memory bandwidth; the report names the bound (compute or a memory tier) that dominates.",
        "max-dram-bandwidth" => "keep more on chip (a lower resolution or precision shrinks the activations that spill) or raise the ceiling if the board's DRAM allows it.",
        _ when kind.StartsWith("max-", StringComparison.Ordinal) => "shrink the figure (a lower resolution shrinks activations, a lower precision weights and activations) or raise the ceiling under the model's gates.",
        _ => "lower the resolution or precision, choose a smaller model, or let the item live in a larger tier (e.g. `weights: anywhere`); the report says by how much it misses.",
    };
}
