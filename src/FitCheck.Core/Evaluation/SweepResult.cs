using FitCheck.Hardware;

namespace FitCheck.Evaluation;

/// <summary>All points of a sweep, model by model in resolution order, and a note per skipped resolution.</summary>
public sealed record SweepResult(IReadOnlyList<string> Models, IReadOnlyList<Accelerator> Accelerators, IReadOnlyList<SweepPoint> Points, IReadOnlyList<string> Notes);
