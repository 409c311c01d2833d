using FitCheck.Diagnostics;
using FitCheck.Hardware;

namespace FitCheck.Manifest;

/// <summary>A parsed, validated manifest: every cross-reference (deploy → accelerator) already checked.</summary>
public sealed record ManifestDocument(
    string Path,
    int Version,
    IReadOnlyList<Accelerator> Accelerators,
    IReadOnlyList<ModelSpec> Models)
{
    /// <summary>Warnings (<see cref="DiagnosticSeverity.Warning"/>) in source order; the run goes on.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>`together:` groups, in manifest order: models deployed together on one accelerator.</summary>
    public IReadOnlyList<GroupSpec> Groups { get; init; } = [];
}
