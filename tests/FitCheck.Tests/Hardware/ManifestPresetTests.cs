using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Hardware;

public class ManifestPresetTests
{
    private static string Manifest(string accelerators) => $"""
        version: 1
        accelerators:
        {accelerators}
        models:
          - name: resnet50
            source: zoo:resnet50
            deploy: [npu]
        """;

    private static ManifestDocument Parse(string accelerators) => ManifestParser.Parse("m.yml", Manifest(accelerators));

    private static Diagnostic Error(string accelerators) =>
        Assert.Throws<FitCheckException>(() => Parse(accelerators)).Diagnostic;

    [Fact]
    public void APresetSuppliesEveryFieldAndOverridesReplaceSome()
    {
        var doc = Parse("""
              - name: npu
                preset: inferx-x1
                utilization: 80%
            """);
        var a = doc.Accelerators[0];
        var x1 = AcceleratorPresets.Get("inferx-x1", null).Accelerator;
        Assert.Equal("npu", a.Name);
        Assert.Equal(0.8, a.Utilization);
        Assert.Equal(x1.MacsPerSecond, a.MacsPerSecond);
        Assert.Equal(x1.Tiers.Select(t => (t.Name, t.CapacityBytes, t.BandwidthBytesPerSecond, t.OnChip)),
            a.Tiers.Select(t => (t.Name, t.CapacityBytes, t.BandwidthBytesPerSecond, t.OnChip)));
        Assert.Equal("m.yml(3,5)", a.Location!.ToString());
    }

    [Fact]
    public void AnUnknownPresetIsAnInputErrorAtItsValueWithASuggestion()
    {
        var d = Error("""
              - name: npu
                preset: infer-x1
            """);
        Assert.Equal("FC0304", d.Id);
        Assert.Contains("did you mean 'inferx-x1'?", d.Message);
        Assert.Equal("m.yml(4,13)", d.Location!.ToString());
    }

    [Fact]
    public void AnUnknownOverrideKeyIsAnInputErrorAtTheKey()
    {
        var d = Error("""
              - name: npu
                preset: hailo-8
                utilisation: 70%
            """);
        Assert.Equal("FC0305", d.Id);
        Assert.Contains("did you mean 'utilization'?", d.Message);
        Assert.Equal("m.yml(5,5)", d.Location!.ToString());
    }

    [Fact]
    public void TiersOutOfOrderInAManifestAreAnInputErrorAtTheTier()
    {
        var d = Error("""
              - name: npu
                compute: 4 TOPS
                memory:
                  - name: dram
                    size: 1 GiB
                    bandwidth: 17 GB/s
                  - name: sram
                    size: 8 MiB
                    bandwidth: 400 GB/s
                    kind: sram
            """);
        Assert.Equal("FC0302", d.Id);
        Assert.Equal("m.yml(9,9)", d.Location!.ToString());
    }

    [Fact]
    public void TheCheckCommandExitsTwoForAnUnknownPreset()
    {
        var dir = Directory.CreateTempSubdirectory("fitcheck-preset").FullName;
        File.WriteAllText(Path.Combine(dir, "fitcheck.yml"), Manifest("""
              - name: npu
                preset: coral
            """));
        var r = CliRunner.Run(dir, "check", "fitcheck.yml");
        CliRunner.AssertCleanInputError(r, "FC0304");
        Assert.Contains("fitcheck.yml(4,13)", r.Error);
    }
}
