using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models.Zoo;
using FitCheck.Units;

namespace FitCheck.Tests.Together;

/// <summary>
/// The group placer's invariants, where the arena region does not fit on chip (members spill) and where it does:
/// no tier holds more than its capacity, sequential never needs more than concurrent, and a group of one model
/// is placed exactly as the single-model placer places it.
/// </summary>
public sealed class CoResidentPlacerTests
{
    private static ModelAnalysis Analyse(string model, int side) =>
        Evaluator.Analyze(model, ModelZoo.Get(model, null), new Resolution(side, side), 1, Precision.Int8, CodeSizeModel.Default);

    private static Accelerator Bulk => AcceleratorPresets.Get("inferx-x1", null).Accelerator;

    public static TheoryData<ArenaSharing> Both => new() { ArenaSharing.Sequential, ArenaSharing.Concurrent };

    [Theory]
    [MemberData(nameof(Both))]
    public void NoTierHoldsMoreThanItsCapacity(ArenaSharing arenas)
    {
        // YOLOv3 at 608 (17.7 MB arena) and ResNet-50: the region cannot stay on chip, so members spill.
        var members = new[] { Analyse("yolov3", 608), Analyse("resnet50", 224) }.Select(a => a.WithCodeModel(Bulk.Code)).ToList();
        var p = CoResidentPlacer.Place(members, Bulk, arenas);
        Assert.True(p.Fits);
        var used = new long[Bulk.Tiers.Count];
        used[p.Code.Tier] += p.Code.Bytes;
        var kept = p.Members.Select(m => m.Spill.Any ? m.Spill.KeptArenaBytes : m.Activations.Bytes).ToList();
        var spilled = p.Members.Select(m => m.Spill.Any ? m.Spill.SpilledBytes : 0).ToList();
        var home = p.Members[0].Activations.Tier;
        used[home] += arenas == ArenaSharing.Sequential ? kept.Max() : kept.Sum();
        if (p.Members.FirstOrDefault(m => m.Spill.Any) is { } s)
        {
            used[s.Spill.SpillTier] += arenas == ArenaSharing.Sequential ? spilled.Max() : spilled.Sum();
        }

        used[p.Weights.Tier] += p.Weights.Bytes;
        if (p.Members.FirstOrDefault(m => m.WeightCache.Any) is { } c)
        {
            used[c.WeightCache.Tier] += p.Members.Sum(m => m.WeightCache.CachedBytes);
        }

        for (var t = 0; t < used.Length; t++)
        {
            Assert.True(used[t] <= Bulk.Tiers[t].CapacityBytes, $"{Bulk.Tiers[t].Name}: {used[t]} > {Bulk.Tiers[t].CapacityBytes}");
        }

        Assert.Contains(p.Members, m => m.Spill.Any);
    }

    [Fact]
    public void SequentialArenasNeedNoMoreThanConcurrentOnes()
    {
        var members = new[] { Analyse("yolov3-tiny", 416), Analyse("mobilenet-v2", 224), Analyse("efficientnet-b0", 224) };
        var seq = CoResidentPlacer.Place(members, Bulk, ArenaSharing.Sequential);
        var con = CoResidentPlacer.Place(members, Bulk, ArenaSharing.Concurrent);
        Assert.Equal(members.Max(m => m.Activations.PeakBytes), seq.Arena.Bytes);
        Assert.Equal(members.Sum(m => m.Activations.PeakBytes), con.Arena.Bytes);
        Assert.Equal(seq.Code.Bytes, con.Code.Bytes);
        Assert.True(seq.Members.Sum(m => m.WeightCache.CachedBytes) >= con.Members.Sum(m => m.WeightCache.CachedBytes));
    }

    [Fact]
    public void AGroupOfOneIsPlacedLikeTheModelAlone()
    {
        var a = Analyse("yolov3", 608).WithCodeModel(Bulk.Code);
        var alone = Placer.Place(a, Bulk);
        var group = CoResidentPlacer.Place([a], Bulk, ArenaSharing.Sequential).Members[0];
        Assert.Equal(alone.Code, group.Code);
        Assert.Equal(alone.Activations, group.Activations);
        Assert.Equal(alone.Weights, group.Weights);
        Assert.Equal((alone.Spill.SpillTier, alone.Spill.KeptArenaBytes, alone.Spill.SpilledBytes), (group.Spill.SpillTier, group.Spill.KeptArenaBytes, group.Spill.SpilledBytes));
        Assert.Equal((alone.WeightCache.CachedBytes, alone.WeightCache.StreamedBytes), (group.WeightCache.CachedBytes, group.WeightCache.StreamedBytes));
        Assert.Equal(ByteFormat.Human(alone.Code.Bytes), ByteFormat.Human(group.Code.Bytes));
    }
}
