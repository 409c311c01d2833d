using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Manifest;

namespace FitCheck.Tests.Hardware;

public class AcceleratorPresetTests
{
    [Fact]
    public void TheIssueNamesAreAllPresent()
    {
        var names = AcceleratorPresets.All.Select(p => p.Name).ToArray();
        Assert.Equal(["coral-edgetpu", "hailo-8", "inferx-x1", "ethos-u55-256", "ethos-u65-512", "jetson-orin-nano"], names);
    }

    [Fact]
    public void PublishedFiguresAreReadWithTheirUnits()
    {
        // Coral: 4 TOPS = 2e12 MAC/s; 8 MiB SRAM. InferX X1: 4 tiles x 2 MiB, x32 LPDDR4 at 17 GB/s.
        var coral = AcceleratorPresets.Get("coral-edgetpu", null).Accelerator;
        Assert.Equal(2e12, coral.MacsPerSecond);
        Assert.Equal(8L * 1024 * 1024, coral.OnChipBytes);
        var x1 = AcceleratorPresets.Get("InferX-X1", null).Accelerator;
        Assert.Equal(4, x1.Tiers[0].Tiles);
        Assert.Equal(8L * 1024 * 1024, x1.OnChipBytes);
        Assert.Equal(17e9, x1.Tiers[1].BandwidthBytesPerSecond);
        Assert.False(x1.Tiers[1].OnChip);
    }

    [Fact]
    public void EveryValueHasASourceOrAnAssumptionAndUtilizationIsAlwaysAssumed()
    {
        foreach (var p in AcceleratorPresets.All)
        {
            Assert.True(p.Assumptions.ContainsKey("utilization"), p.Name);
            Assert.NotEmpty(p.Sources);
            Assert.True(p.Sources.ContainsKey("compute") || p.Assumptions.ContainsKey("compute"), p.Name);
        }
    }

    [Fact]
    public void AValueWithoutSourceOrAssumptionIsRejected()
    {
        const string yaml = """
            presets:
              - name: x
                description: d
                compute: 1 TOPS
                memory:
                  - name: sram
                    size: 1 MiB
                    bandwidth: 1 GB/s
                sources:
                  compute: c
            """;
        var e = Assert.Throws<FitCheckException>(() => AcceleratorPresets.Parse(yaml, "p.yml"));
        Assert.Equal("FC0308", e.Diagnostic.Id);
        Assert.Contains("memory.sram.size", e.Diagnostic.Message);
    }

    [Fact]
    public void AnUnknownPresetSuggestsTheClosestName()
    {
        var e = Assert.Throws<FitCheckException>(() => AcceleratorPresets.Get("hailo8", new SourceLocation("m.yml", 3, 13)));
        Assert.Equal("FC0304", e.Diagnostic.Id);
        Assert.Contains("did you mean 'hailo-8'?", e.Diagnostic.Message);
        Assert.Equal("m.yml(3,13)", e.Diagnostic.Location!.ToString());
    }
}
