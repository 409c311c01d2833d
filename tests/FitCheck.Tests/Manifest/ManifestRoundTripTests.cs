using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Units;

namespace FitCheck.Tests.Manifest;

public class ManifestRoundTripTests
{
    private const string Full = """
        version: 1
        accelerators:
          - name: tiled-sram
            compute: 16 TOPS
            utilization: 70%
            overlap: serialized
            memory:
              - name: local-sram
                size: 512 KiB
                tiles: 16
                bandwidth: 2 TB/s
              - name: lpddr4
                size: 2 GB
                bandwidth: 17 GB/s
            code:
              runtime: 32 KiB
              perKernel: 8 KiB
              perLayer: 256 B
          - name: bulk
            compute: 8 TMAC/s
            memory:
              - name: bulk-sram
                size: 8 MiB
                bandwidth: 800 MiB/s
                kind: dram
        models:
          - source: zoo:yolov3
            resolutions: [608x608, 1920x1088]
            precision: fp16
            batch: 4
            deploy: [tiled-sram]
            gates:
              weights: on-chip
              activations: lpddr4
              code: anywhere
              maxWeights: 64 MB
              maxActivations: 32 MB
              maxCode: 2 MiB
              maxTotal: 100 MB
              headroom: 10%
              minFps: 30 fps
              maxLatency: 33 ms
              maxDramBandwidth: 10 GB/s
          - name: resnet
            source: models/resnet50.onnx
            deploy: [tiled-sram, bulk]
        """;

    private static SourceLocation At(int line, int column) => new("m.yaml", line, column);

    [Fact]
    public void AFullManifestParsesToExactValues()
    {
        var doc = ManifestParser.Parse("m.yaml", Full);
        Assert.Equal("m.yaml", doc.Path);
        Assert.Equal(1, doc.Version);
        Assert.Equal(2, doc.Accelerators.Count);

        var tiled = doc.Accelerators[0];
        Assert.Equal("tiled-sram", tiled.Name);
        Assert.Equal(8e12, tiled.MacsPerSecond); // 16 TOPS = 8 T multiply-accumulates/s
        Assert.Equal(0.7, tiled.Utilization);
        Assert.Equal(OverlapMode.Serialized, tiled.Overlap);
        Assert.Equal(At(3, 5), tiled.Location);
        Assert.Equal(new CodeSizeModel(32 * 1024, 8 * 1024, 256), tiled.Code);
        Assert.Equal(2, tiled.Tiers.Count);
        Assert.Equal(new MemoryTier("local-sram", 524_288, 16, 2e12, true, At(8, 9)) { SizeStyle = ByteStyle.Binary }, tiled.Tiers[0]);
        Assert.Equal(8_388_608L, tiled.Tiers[0].CapacityBytes);
        // "lpddr4" names DDR, so without `kind:` it is off-chip.
        Assert.Equal(new MemoryTier("lpddr4", 2_000_000_000, 1, 17e9, false, At(12, 9)), tiled.Tiers[1]);
        Assert.Equal(8_388_608L, tiled.OnChipBytes);

        var bulk = doc.Accelerators[1];
        Assert.Equal("bulk", bulk.Name);
        Assert.Equal(8e12, bulk.MacsPerSecond);
        Assert.Equal(1.0, bulk.Utilization);
        Assert.Equal(OverlapMode.Pipelined, bulk.Overlap);
        Assert.Same(CodeSizeModel.Default, bulk.Code);
        // An explicit `kind: dram` overrides the name.
        Assert.Equal(new MemoryTier("bulk-sram", 8_388_608, 1, 838_860_800, false, At(22, 9)) { SizeStyle = ByteStyle.Binary }, Assert.Single(bulk.Tiers));

        Assert.Equal(2, doc.Models.Count);
        var yolo = doc.Models[0];
        Assert.Equal("yolov3", yolo.Name);
        Assert.Equal("zoo:yolov3", yolo.Source);
        Assert.Equal(At(27, 13), yolo.SourceAt);
        Assert.Equal(At(27, 5), yolo.Location);
        Assert.Equal(
            [new Located<Resolution>(new Resolution(608, 608), At(28, 19)), new Located<Resolution>(new Resolution(1920, 1088), At(28, 28))],
            yolo.Resolutions);
        Assert.Equal(Precision.Fp16, yolo.Precision);
        Assert.Equal(4, yolo.Batch);
        Assert.Equal([new Located<string>("tiled-sram", At(31, 14))], yolo.Deploy);

        var g = yolo.Gates;
        Assert.Equal(GateSpec.OnChip, g.WeightsIn);
        Assert.Equal("lpddr4", g.ActivationsIn);
        Assert.Equal(GateSpec.Anywhere, g.CodeIn);
        Assert.Equal(64_000_000L, g.MaxWeightBytes);
        Assert.Equal(32_000_000L, g.Bytes("maxActivations"));
        Assert.Equal(2_097_152L, g.Bytes("maxCode"));
        Assert.Equal(100_000_000L, g.Bytes("maxTotal"));
        Assert.Equal(0.1, g.HeadroomFraction);
        Assert.Equal(30.0, g.MinFps);
        Assert.Equal(0.033, g.MaxLatencySeconds);
        Assert.Equal(1e10, g.MaxDramBytesPerSecond);
        Assert.Equal(At(33, 7), g.Location);
        Assert.Equal(11, g.KeyLocations.Count);
        Assert.Equal(At(41, 15), g.KeyLocations["minFps"]);

        var resnet = doc.Models[1];
        Assert.Equal("resnet", resnet.Name);
        Assert.Equal("models/resnet50.onnx", resnet.Source);
        Assert.Empty(resnet.Resolutions);
        Assert.Equal(Precision.Int8, resnet.Precision);
        Assert.Equal(1, resnet.Batch);
        Assert.Equal(["tiled-sram", "bulk"], resnet.Deploy.Select(d => d.Value));
        Assert.Same(GateSpec.None, resnet.Gates);
    }

    [Fact]
    public void AByteOrderMarkIsIgnored()
    {
        var doc = ManifestParser.Parse("m.yaml", "\uFEFF" + Full);
        Assert.Equal(2, doc.Models.Count);
        Assert.Equal(At(27, 13), doc.Models[0].SourceAt);
    }

    [Fact]
    public void CrlfLineEndingsGiveTheSameLocations()
    {
        var doc = ManifestParser.Parse("m.yaml", Full.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(At(27, 13), doc.Models[0].SourceAt);
    }

    [Fact]
    public void ParseFileReadsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fitcheck-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Full);
        try
        {
            var doc = ManifestParser.ParseFile(path);
            Assert.Equal(path, doc.Path);
            Assert.Equal(new SourceLocation(path, 27, 13), doc.Models[0].SourceAt);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ParseFileRejectsAFileOverTenMegabytesWithoutReadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fitcheck-big-{Guid.NewGuid():N}.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(DiagnosticCatalog.MaxManifestBytes + 1L);
        }

        try
        {
            var ex = Assert.Throws<FitCheckException>(() => ManifestParser.ParseFile(path));
            Assert.Equal("FC0103", ex.Diagnostic.Id);
            Assert.Equal(new SourceLocation(path, 1, 1), ex.Diagnostic.Location);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ParseFileReportsAMissingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fitcheck-missing-{Guid.NewGuid():N}.yaml");
        var ex = Assert.Throws<FitCheckException>(() => ManifestParser.ParseFile(path));
        Assert.Equal("FC0001", ex.Diagnostic.Id);
    }

    [Fact]
    public void ParseFileReportsADirectoryAsUnreadable()
    {
        var ex = Assert.Throws<FitCheckException>(() => ManifestParser.ParseFile(Path.GetTempPath()));
        Assert.Equal("FC0003", ex.Diagnostic.Id);
    }
}
