using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Tests.Cli;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Together;

/// <summary>
/// examples/together: three zoo models on one 16 MiB SRAM NPU, in two `together:` groups, with every sum checked
/// by hand from the single-model figures (`analyze` prints them; int8, batch 1, default code constants: runtime
/// 65,536 B, 16,384 B per kernel kind, 128 B per executed layer):
///
///   model                     weights     arena       layers  kernel kinds
///   detector   yolov3-tiny    8,860,264   3,461,120   23      conv3x3 maxpool conv1x1 yolo upsample concat (6)
///   classifier mobilenet-v2   3,541,984   1,505,280   64      conv3x3 dwconv3x3 conv1x1 add avgpool fc (6)
///   scene      efficientnet   5,361,584   1,505,280   124     conv3x3 dwconv3x3 avgpool conv1x1 mul add dwconv5x5 fc (8)
/// </summary>
public sealed class CoResidentExampleTests
{
    private const long SramBytes = 16L * 1024 * 1024; // 16,777,216

    private static readonly Lazy<CheckReport> Report = new(() =>
        ManifestCheck.Check(ManifestParser.ParseFile(RepoPaths.Of("examples", "together", "fitcheck.yml"))));

    private static List<CheckResult> Members(string group) => [.. Report.Value.Results.Where(r => r.Group?.Name == group)];

    [Fact]
    public void TheSingleModelFiguresAreTheOnesSummedByHand()
    {
        var alone = Report.Value.Results.Where(r => r.Group is null).ToDictionary(r => r.Analysis.Model);
        Assert.Equal((8_860_264, 3_461_120), (alone["detector"].Analysis.WeightBytes, alone["detector"].Analysis.Activations.PeakBytes));
        Assert.Equal((3_541_984, 1_505_280), (alone["classifier"].Analysis.WeightBytes, alone["classifier"].Analysis.Activations.PeakBytes));
        Assert.Equal((5_361_584, 1_505_280), (alone["scene"].Analysis.WeightBytes, alone["scene"].Analysis.Activations.PeakBytes));
        // Alone: code = 65,536 + kinds x 16,384 + layers x 128.
        Assert.Equal(65_536 + (6 * 16_384) + (23 * 128), alone["detector"].Analysis.CodeBytes); // 166,784
        Assert.Equal(65_536 + (6 * 16_384) + (64 * 128), alone["classifier"].Analysis.CodeBytes); // 172,032
        Assert.Equal(65_536 + (8 * 16_384) + (124 * 128), alone["scene"].Analysis.CodeBytes); // 212,480
        Assert.All(alone.Values, r => Assert.True(r.Passed));
    }

    /// <summary>
    /// front-camera = detector + classifier, sequential arenas.
    ///   kernel kinds: 6 + 6 - 2 shared (conv3x3, conv1x1) = 10
    ///   code    = 65,536 + 10 x 16,384 + (23 + 64) x 128 = 65,536 + 163,840 + 11,136 = 240,512
    ///             (alone: 166,784 + 172,032 = 338,816; saved: one runtime 65,536 + two kernels 32,768 = 98,304)
    ///   arena   = max(3,461,120, 1,505,280) = 3,461,120
    ///   weights = 8,860,264 + 3,541,984 = 12,402,248
    ///   weights + activations on chip = 15,863,368 <= 16,777,216 (913,848 B = 892.4 KiB to spare): passes
    ///   with code: 16,103,880 <= 16,777,216, so everything lives in SRAM as it does alone, each model's
    ///   latency is its latency alone, and time-shared fps = 1 / (1/fps_detector + 1/fps_classifier).
    /// </summary>
    [Fact]
    public void FrontCameraSumsAndTimeSharing()
    {
        var members = Members("front-camera");
        Assert.Equal(["detector", "classifier"], members.Select(m => m.Analysis.Model));
        var g = members[0].Group!;
        Assert.Equal(ArenaSharing.Sequential, g.Arenas);
        Assert.Equal(10, g.DistinctKernels);
        Assert.Equal(240_512, g.CodeBytes);
        Assert.Equal(166_784 + 172_032 - 98_304, g.CodeBytes);
        Assert.Equal(3_461_120, g.ArenaBytes);
        Assert.Equal(12_402_248, g.WeightBytes);
        Assert.True(12_402_248 + 3_461_120 + 240_512 <= SramBytes);
        Assert.All(members, m => Assert.True(m.Passed, string.Join("; ", m.Gates.Where(x => !x.Passed).Select(x => x.Message))));
        Assert.Contains(members[0].Gates, x => x.Name == "on-chip-total-fit" && x.Message.Contains("15.1 MiB fit", StringComparison.Ordinal)
            && x.Message.Contains("892.4 KiB to spare", StringComparison.Ordinal));

        var alone = Report.Value.Results.Where(r => r.Group is null).ToDictionary(r => r.Analysis.Model, r => r.Throughput!);
        var cycle = (1 / alone["detector"].Fps) + (1 / alone["classifier"].Fps);
        Assert.Equal(cycle, g.CycleSeconds!.Value, 12);
        Assert.All(members, m => Assert.Equal(1 / cycle, m.Throughput!.Fps, 6));
        Assert.All(members, m => Assert.Equal(alone[m.Analysis.Model].LatencySeconds, m.Throughput!.LatencySeconds, 12));
    }

    /// <summary>
    /// cabin = detector + classifier + scene, concurrent arenas.
    ///   kernel kinds: the 10 above + mul + dwconv5x5 = 12
    ///   code    = 65,536 + 12 x 16,384 + (23 + 64 + 124) x 128 = 65,536 + 196,608 + 27,008 = 289,152
    ///   arena   = 3,461,120 + 1,505,280 + 1,505,280 = 6,471,680
    ///   weights = 8,860,264 + 3,541,984 + 5,361,584 = 17,763,832 > 16,777,216 by 986,616 B (963.5 KiB): weights-fit
    ///   fails for every member, naming the group, though each model fits alone.
    ///   SRAM after code and arenas: 16,777,216 - 289,152 - 6,471,680 = 10,016,384 B for the shared weight cache.
    /// </summary>
    [Fact]
    public void CabinFitsAloneButNotTogether()
    {
        var members = Members("cabin");
        var g = members[0].Group!;
        Assert.Equal(ArenaSharing.Concurrent, g.Arenas);
        Assert.Equal(12, g.DistinctKernels);
        Assert.Equal(289_152, g.CodeBytes);
        Assert.Equal(6_471_680, g.ArenaBytes);
        Assert.Equal(17_763_832, g.WeightBytes);
        Assert.Equal(986_616, g.WeightBytes - SramBytes);
        foreach (var m in members)
        {
            Assert.False(m.Passed);
            var weights = Assert.Single(m.Gates, x => x.Name == "weights-fit");
            Assert.False(weights.Passed);
            Assert.StartsWith("in group 'cabin' (detector@416x416 + classifier@224x224 + scene@224x224, concurrent arenas): weights 16.9 MiB exceed",
                weights.Message, StringComparison.Ordinal);
            Assert.EndsWith("by 963.5 KiB", weights.Message, StringComparison.Ordinal);
        }

        // One cache for all three: what they keep on chip together fits the SRAM left after code and arenas.
        var cached = members.Sum(m => m.Placement!.WeightCache.CachedBytes);
        Assert.InRange(cached, 1, 10_016_384);
        Assert.All(members, m => Assert.Equal(m.Analysis.WeightBytes, m.Placement!.WeightCache.CachedBytes + m.Placement.WeightCache.StreamedBytes));
        Assert.True(members.All(m => m.Placement!.Weights.Streamed));
    }

    [Fact]
    public void EveryReportShowsTheGroupAndWhatEachMemberTakes()
    {
        var dir = RepoPaths.Of("examples", "together");
        var console = CliRunner.Run(dir, "check", "fitcheck.yml");
        Assert.Equal(1, console.ExitCode);
        Assert.Contains("group 'front-camera' on edge-npu (sequential arenas): code 240.5 kB once (10 kernel kinds shared); arenas max(3.5 MB, 1.5 MB) = 3.5 MB; weights 8.9 MB + 3.5 MB = 12.4 MB", console.Out);
        Assert.Contains("✗ scene 224x224 on edge-npu [cabin]: in group 'cabin'", console.Out);

        var json = CliRunner.Run(dir, "check", "fitcheck.yml", "--format", "json");
        Assert.Contains("\"arenaBytes\": 6471680", json.Out);
        Assert.Contains("\"codeBytes\": 240512", json.Out);

        var md = CliRunner.Run(dir, "check", "fitcheck.yml", "--format", "md");
        Assert.Contains("### Deployed together", md.Out);
        Assert.Contains("| scene <sub>in cabin</sub> |", md.Out);

        var junit = CliRunner.Run(dir, "check", "fitcheck.yml", "--format", "junit");
        Assert.Contains("edge-npu [cabin]/weights-fit", junit.Out);

        var sarif = CliRunner.Run(dir, "check", "fitcheck.yml", "--format", "sarif");
        Assert.Contains("\"group\": \"cabin\"", sarif.Out);
        Assert.Contains("in group 'cabin'", sarif.Out);
    }
}
