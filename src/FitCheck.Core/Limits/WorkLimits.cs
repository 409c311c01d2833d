using System.Globalization;
using FitCheck.Diagnostics;

namespace FitCheck.Limits;

/// <summary>
/// How much work one run may ask for. Each limit is far above any real manifest or model and bounds time
/// and memory (10^5 evaluations in about a minute and under 500 MB); going past one is an input error
/// (FC1102) that names the limit and how to raise it (`--limit NAME=N`). One row per limit: its name,
/// default, what it counts.
/// </summary>
public sealed record WorkLimits(
    long Evaluations = 100_000,
    long Models = 10_000,
    long Accelerators = 1_000,
    long Resolutions = 10_000,
    long OnnxNodes = 100_000,
    long AttributeElements = 1_000_000)
{
    public static readonly WorkLimits Default = new();

    /// <summary>The table behind `--limit NAME=N`, its help text and every FC1102 hint.</summary>
    public static IReadOnlyList<(string Name, string Counts, Func<WorkLimits, long> Get, Func<WorkLimits, long, WorkLimits> Set)> Table { get; } =
    [
        ("evaluations", "model x resolution x accelerator evaluations per run", l => l.Evaluations, (l, v) => l with { Evaluations = v }),
        ("models", "models in one manifest", l => l.Models, (l, v) => l with { Models = v }),
        ("accelerators", "accelerators in one manifest", l => l.Accelerators, (l, v) => l with { Accelerators = v }),
        ("resolutions", "resolutions of one model", l => l.Resolutions, (l, v) => l with { Resolutions = v }),
        ("onnx-nodes", "nodes in one ONNX graph", l => l.OnnxNodes, (l, v) => l with { OnnxNodes = v }),
        ("attribute-elements", "attribute list elements in one ONNX model", l => l.AttributeElements, (l, v) => l with { AttributeElements = v }),
    ];

    public static string Help => string.Join(", ", Table.Select(t => $"{t.Name} ({t.Get(Default).ToString("N0", CultureInfo.InvariantCulture)} {t.Counts})"));

    /// <summary>Throws FC1102 when <paramref name="count"/> passes the limit called <paramref name="name"/>.</summary>
    public void Check(string name, long count, SourceLocation? at, string? what = null)
    {
        var row = Table.First(t => t.Name == name);
        var limit = row.Get(this);
        if (count > limit)
        {
            throw new FitCheckException(Exceeded(name, what ?? row.Counts, count, limit, at));
        }
    }

    public static Diagnostic Exceeded(string name, string what, long count, long limit, SourceLocation? at) =>
        DiagnosticCatalog.WorkLimit(what, count, limit,
            $"this is far more than a real {(name is "onnx-nodes" or "attribute-elements" ? "model" : "manifest")} needs; if it is intended, raise the limit with `--limit {name}={checked(limit * 10)}`", at);

    /// <summary>Applies one `NAME=N` to these limits; null when the text is not of that form.</summary>
    public WorkLimits? With(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return null;
        }

        var name = text[..eq].Trim();
        var row = Table.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (row.Name is null || !long.TryParse(text[(eq + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < 1 || value > long.MaxValue / 10)
        {
            return null;
        }

        return row.Set(this, value);
    }
}
