using FitCheck.Hardware;
using FitCheck.Manifest;

namespace FitCheck.Tests.Calibrate;

/// <summary>The YAML `calibrate` writes reads back as the accelerator it fitted, preset or manifest entry.</summary>
public class CalibratedAcceleratorTests
{
    private const string Manifest = """
        version: 1
        accelerators:
          - name: npu
            compute: 4 TOPS   # peak
            utilization: 50%
            macArray: 64x64
            execution: dataflow
            fabricUnits: 12
            memory:
              - name: sram
                size: 8 MiB
                bandwidth: 100 GB/s
              - name: dram
                size: 1 GiB
                bandwidth: 10 GB/s
                kind: dram
          - name: edge
            preset: coral-edgetpu
            utilization: 40%
        models:
          - name: m
            source: zoo:mobilenet-v1
            resolutions: [224x224]
            deploy: [npu]

        """;

    private static Accelerator Read(string acceleratorsYaml, string name)
    {
        var text = "version: 1\n" + acceleratorsYaml + "models:\n  - name: m\n    source: zoo:mobilenet-v1\n    resolutions: [224x224]\n    deploy: [" + name + "]\n";
        return ManifestParser.Parse("fitted.yml", text).Accelerators.Single(a => a.Name == name);
    }

    [Fact]
    public void AManifestAcceleratorIsCopiedWithEveryKeyAndTheFittedUtilization()
    {
        var yaml = CalibratedAccelerator.ForManifestEntry(Manifest, "npu", "fitted", [("utilization", CalibratedAccelerator.Percent(0.1935))]);
        Assert.NotNull(yaml);
        Assert.DoesNotContain("preset:", yaml, StringComparison.Ordinal);
        var original = ManifestParser.Parse("m.yml", Manifest).Accelerators.Single(a => a.Name == "npu");
        var fitted = Read(yaml!, "npu-calibrated");
        Assert.Equal(0.1935, fitted.Utilization, 12);
        Assert.Equal(original.MacsPerSecond, fitted.MacsPerSecond);
        Assert.Equal(original.ComputeShape, fitted.ComputeShape);
        Assert.Equal(12, fitted.ComputeShape.FabricUnits);
        Assert.Equal(original.Execution, fitted.Execution);
        Assert.Equal(original.Tiers.Select(t => (t.Name, t.CapacityBytes, t.BandwidthBytesPerSecond, t.OnChip)),
            fitted.Tiers.Select(t => (t.Name, t.CapacityBytes, t.BandwidthBytesPerSecond, t.OnChip)));
    }

    [Fact]
    public void AManifestEntryThatUsesAPresetKeepsItsPresetAndOtherOverrides()
    {
        var yaml = CalibratedAccelerator.ForManifestEntry(Manifest, "edge", "fitted", [("utilization", "37.71%")]);
        var fitted = Read(yaml!, "edge-calibrated");
        Assert.Equal(0.3771, fitted.Utilization, 12);
        Assert.Equal(AcceleratorPresets.Get("coral-edgetpu", null).Accelerator.MacsPerSecond, fitted.MacsPerSecond);
    }

    [Fact]
    public void APresetIsWrittenAsThePresetPlusTheOverrideAndAnUnknownNameAsNothing()
    {
        var yaml = CalibratedAccelerator.ForPreset("hailo-8", "fitted", [("utilization", "21.7%")]);
        Assert.Equal("# fitted\naccelerators:\n- name: hailo-8-calibrated\n  preset: hailo-8\n  utilization: 21.7%\n", yaml);
        Assert.Equal(0.217, Read(yaml, "hailo-8-calibrated").Utilization, 12);
        Assert.Null(CalibratedAccelerator.ForManifestEntry(Manifest, "hailo-8", "fitted", [("utilization", "21.7%")]));
    }
}
