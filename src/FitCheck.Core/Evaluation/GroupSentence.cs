using FitCheck.Units;

namespace FitCheck.Evaluation;

/// <summary>
/// What a `together:` group takes and what each member takes of it, in one sentence for the console and the
/// Markdown comment: "group 'front-camera' on edge-npu (sequential arenas): code 240.5 kB once (10 kernel kinds
/// shared); arenas max(3.5 MB, 1.5 MB) = 3.5 MB; weights 8.9 MB + 3.5 MB = 12.4 MB; time-shared, one frame each
/// per 3.22 ms cycle: detector 2.86 ms, classifier 0.36 ms, so 310.4 fps each".
/// </summary>
public static class GroupSentence
{
    public static string Of((CoResidency Group, IReadOnlyList<CheckResult> Members) g)
    {
        var (group, members) = g;
        var arenas = string.Join(", ", members.Select(m => ByteFormat.Human(m.Analysis.Activations.PeakBytes)));
        var weights = string.Join(" + ", members.Select(m => ByteFormat.Human(m.Analysis.WeightBytes)));
        var rule = group.Arenas == Hardware.ArenaSharing.Sequential ? "max" : "sum";
        var text = $"group '{group.Name}' on {group.Accelerator} ({group.ArenasName} arenas): code {ByteFormat.Human(group.CodeBytes)} once "
            + $"({group.DistinctKernels} kernel kinds shared); arenas {rule}({arenas}) = {ByteFormat.Human(group.ArenaBytes)}; "
            + $"weights {weights} = {ByteFormat.Human(group.WeightBytes)}";
        if (group.CycleSeconds is not { } cycle || members.Any(m => m.Throughput is null))
        {
            return text + "; does not fit, so no throughput";
        }

        var turns = string.Join(", ", members.Select(m => $"{m.Analysis.Model} {PerformanceGates.Ms(m.Throughput!.LatencySeconds)}"));
        var fps = members.Select(m => PerformanceGates.Fps(m.Throughput!.Fps)).Distinct().ToList();
        return text + $"; time-shared, one {(members.All(m => m.Analysis.Batch == 1) ? "frame" : "batch")} each per {PerformanceGates.Ms(cycle)} cycle: {turns}, so "
            + (fps.Count == 1 ? $"{fps[0]} fps each" : string.Join(", ", members.Select(m => $"{m.Analysis.Model} {PerformanceGates.Fps(m.Throughput!.Fps)} fps")));
    }
}
