using FitCheck.Hardware;

namespace FitCheck.Manifest;

/// <summary>A parsed, validated manifest: every cross-reference (deploy → accelerator) already checked.</summary>
public sealed record ManifestDocument(
    string Path,
    int Version,
    IReadOnlyList<Accelerator> Accelerators,
    IReadOnlyList<ModelSpec> Models);
