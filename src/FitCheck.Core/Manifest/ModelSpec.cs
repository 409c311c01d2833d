using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;

namespace FitCheck.Manifest;

/// <summary>
/// One `models:` entry. <see cref="Resolutions"/> is empty when the manifest gives none (the model's own
/// default applies). Locations point at the YAML nodes so errors and SARIF results land on the right line.
/// </summary>
public sealed record ModelSpec(
    string Name,
    string Source,
    SourceLocation SourceAt,
    IReadOnlyList<Located<Resolution>> Resolutions,
    Precision Precision,
    int Batch,
    IReadOnlyList<Located<string>> Deploy,
    GateSpec Gates,
    SourceLocation Location)
{
    /// <summary>False when the manifest gave no `precision:`; the model's own precision (if any) then wins over int8.</summary>
    public bool PrecisionStated { get; init; } = true;

    /// <summary>The precision as <see cref="Models.PrecisionPolicy"/> takes it: null when the manifest gave none.</summary>
    public Precision? StatedPrecision => PrecisionStated ? Precision : null;

    /// <summary>`inputs: { samples: 16000 }`: dynamic ONNX dimensions (or scalar inputs) pinned by name.</summary>
    public IReadOnlyDictionary<string, long> Inputs { get; init; } = new Dictionary<string, long>();
}

/// <summary>A value with the place in the manifest it came from.</summary>
public readonly record struct Located<T>(T Value, SourceLocation Location);
