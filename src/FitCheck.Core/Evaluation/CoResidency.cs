using FitCheck.Diagnostics;
using FitCheck.Hardware;

namespace FitCheck.Evaluation;

/// <summary>
/// A group of models deployed together on one accelerator, as each member's result carries it: the group's
/// name and arena rule, its members ("detector@608x608"), and what the group takes as a whole — one code image
/// (<see cref="DistinctKernels"/> kernel kinds shared), the arena region, every member's weights — and the
/// time-sharing cycle (each member runs once per cycle; null when the group does not fit).
/// </summary>
public sealed record CoResidency(
    string Name,
    string Accelerator,
    ArenaSharing Arenas,
    IReadOnlyList<string> Members,
    long CodeBytes,
    int DistinctKernels,
    long ArenaBytes,
    long WeightBytes,
    double? CycleSeconds,
    SourceLocation? Location = null)
{
    public string ArenasName => Arenas == ArenaSharing.Sequential ? "sequential" : "concurrent";

    /// <summary>"group 'vision' (detector@608x608 + classifier@224x224, sequential arenas)", as messages name it.</summary>
    public string Label => $"group '{Name}' ({string.Join(" + ", Members)}, {ArenasName} arenas)";
}
