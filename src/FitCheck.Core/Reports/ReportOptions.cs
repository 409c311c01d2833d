using FitCheck.Baseline;
using FitCheck.Hardware;

namespace FitCheck.Reports;

/// <summary>
/// What reporters need besides the results: the tool version they name, the accelerators (for capacities),
/// the comparison with a baseline, and a timestamp — only when the caller injects one, so reports stay
/// byte-identical across runs by default.
/// </summary>
public sealed record ReportOptions(
    string ToolVersion,
    IReadOnlyList<Accelerator>? Accelerators = null,
    BaselineComparison? Baseline = null,
    DateTimeOffset? Timestamp = null)
{
    public const string ToolName = "FitCheck";
    public const string InformationUri = "https://github.com/fitcheck/fitcheck";

    public Accelerator? FindAccelerator(string? name) =>
        name is null ? null : Accelerators?.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
