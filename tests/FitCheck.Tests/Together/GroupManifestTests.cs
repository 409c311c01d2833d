using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;

namespace FitCheck.Tests.Together;

/// <summary>`together:` in the manifest: what a valid group reads as, and every bad group as a located error (positions counted by hand).</summary>
public sealed class GroupManifestTests
{
    // Line numbers: version 1, accelerators 2, npu 3-8, gpu 9-14, models 15, det 16-19, cls 20-22, together 23, group 24-25.
    private const string Base = """
        version: 1
        accelerators:
          - name: npu
            compute: 4 TOPS
            memory:
              - name: sram
                size: 8 MiB
                bandwidth: 100 GB/s
          - name: gpu
            compute: 4 TOPS
            memory:
              - name: sram
                size: 8 MiB
                bandwidth: 100 GB/s
        models:
          - name: det
            source: zoo:yolov3-tiny
            resolutions: [416x416, 320x320]
            deploy: [npu]
          - name: cls
            source: zoo:mobilenet-v2
            deploy: [npu, gpu]
        together:
          - models: [det@416x416, cls]
            arenas: sequential
        """;

    private static string With(string old, string replacement)
    {
        Assert.Contains(old, Base, StringComparison.Ordinal);
        return Base.Replace(old, replacement, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidGroupNamesItsMembersAndFindsTheirAccelerator()
    {
        var doc = ManifestParser.Parse("m.yaml", Base);
        var g = Assert.Single(doc.Groups);
        Assert.Equal("det@416x416+cls", g.Name);
        Assert.Equal("npu", g.Accelerator); // the one accelerator both deploy to
        Assert.Equal(ArenaSharing.Sequential, g.Arenas);
        Assert.Equal([new Resolution(416, 416), (Resolution?)null], g.Members.Select(m => m.Resolution));
        Assert.Equal(new SourceLocation("m.yaml", 24, 14), g.Members[0].Location);
    }

    public static TheoryData<string, string, string, int, int> Cases => new()
    {
        // name, manifest, id, line, column
        { "unknown model", With("cls]", "clz]"), "FC0141", 24, 27 },
        { "several resolutions, none named", With("[det@416x416, cls]", "[det, cls]"), "FC0142", 24, 14 },
        { "a resolution the model lacks", With("det@416x416", "det@608x608"), "FC0142", 24, 14 },
        { "a resolution for a model that lists none", With("[det@416x416, cls]", "[det@416x416, cls@224x224]"), "FC0142", 24, 27 },
        { "empty group", With("[det@416x416, cls]", "[]"), "FC0140", 24, 13 },
        { "one model", With("[det@416x416, cls]", "[cls]"), "FC0140", 24, 13 },
        { "member on another accelerator", With("    arenas: sequential", "    arenas: sequential\n    accelerator: gpu"), "FC0143", 24, 14 },
        { "no accelerator in common", With("deploy: [npu, gpu]", "deploy: [gpu]"), "FC0144", 24, 5 },
        { "member twice", With("[det@416x416, cls]", "[cls, cls]"), "FC0145", 24, 19 },
        { "missing arenas", With("\n    arenas: sequential", ""), "FC0109", 24, 5 },
        { "unknown arenas value", With("arenas: sequential", "arenas: parallel"), "FC0118", 25, 13 },
        { "unknown group key", With("arenas: sequential", "arena: sequential"), "FC0108", 25, 5 },
        { "duplicate group name", With("  - models: [det@416x416, cls]\n    arenas: sequential", "  - models: [det@416x416, cls]\n    arenas: sequential\n    name: a\n  - models: [det@320x320, cls]\n    arenas: sequential\n    name: a"), "FC0119", 27, 5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadGroupIsALocatedError(string name, string yaml, string id, int line, int column)
    {
        var e = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yaml", yaml)).Diagnostic;
        Assert.True(e.Id == id && e.Location?.Line == line && e.Location?.Column == column,
            $"{name}: got {e.Id} at {e.Location?.Line},{e.Location?.Column}: {e.Message}");
        Assert.False(string.IsNullOrEmpty(e.Hint));
    }

    [Fact]
    public void TheMessagesNameTheGroupAndSayWhatToDo()
    {
        var unknown = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yaml", With("cls]", "clz]"))).Diagnostic;
        Assert.Equal("group 'det@416x416+clz' lists 'clz', which is not a declared model; did you mean 'cls'?", unknown.Message);
        var mixed = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yaml",
            With("    arenas: sequential", "    arenas: sequential\n    accelerator: gpu"))).Diagnostic;
        Assert.Equal("group 'det@416x416+cls' runs on 'gpu', but 'det' deploys to npu", mixed.Message);
        Assert.Contains("add 'gpu' to 'det''s `deploy:`", mixed.Hint, StringComparison.Ordinal);
    }
}
