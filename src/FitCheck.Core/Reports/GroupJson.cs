using System.Text.Json;
using FitCheck.Evaluation;

namespace FitCheck.Reports;

/// <summary>
/// The `group` object of a result that runs in a `together:` group: what the group takes as a whole and what
/// this member takes of it. Only on such results, so other reports keep their shape.
/// </summary>
internal static class GroupJson
{
    public static void Write(Utf8JsonWriter w, CoResidency g, CheckResult r)
    {
        w.WriteStartObject("group");
        w.WriteString("name", g.Name);
        w.WriteString("arenas", g.ArenasName);
        w.WriteStartArray("members");
        foreach (var m in g.Members)
        {
            w.WriteStringValue(m);
        }

        w.WriteEndArray();
        w.WriteNumber("codeBytes", g.CodeBytes);
        w.WriteNumber("distinctKernels", g.DistinctKernels);
        w.WriteNumber("arenaBytes", g.ArenaBytes);
        w.WriteNumber("weightBytes", g.WeightBytes);
        if (g.CycleSeconds is { } cycle)
        {
            JsonReport.WriteDouble(w, "cycleSeconds", cycle);
        }
        else
        {
            w.WriteNull("cycleSeconds");
        }

        // This member's share: its own arena and weights, and how much of the shared weight cache it holds.
        w.WriteStartObject("member");
        w.WriteNumber("arenaBytes", r.Analysis.Activations.PeakBytes);
        w.WriteNumber("weightBytes", r.Analysis.WeightBytes);
        w.WriteNumber("cachedWeightBytes", r.Placement?.WeightCache.CachedBytes ?? 0);
        w.WriteNumber("streamedWeightBytes", r.Placement?.WeightCache is { Any: true } c ? c.StreamedBytes : r.Placement?.Weights is { Streamed: true } s ? s.Bytes : 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
