namespace FitCheck.Evaluation;

/// <summary>
/// What would make a failed deployment pass, computed by searching with the same gates: the largest
/// resolution on the model's grid (same aspect ratio) and the smallest size of its main on-chip tier, each
/// null when no value in range passes. <see cref="Sentence"/> reads "would pass at <= 1408x800, or with
/// >= 24.0 MiB of bulk-sram".
/// </summary>
public sealed record WouldPass(string? Resolution, string? Tier, long? TierBytes, string Sentence);
