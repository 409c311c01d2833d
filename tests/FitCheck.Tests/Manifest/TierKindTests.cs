using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Tests.Cli;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Tests.Manifest;

/// <summary>
/// A memory tier says what it is: `kind:`, or a name that makes it unambiguous. Everything else is an input
/// error, because guessing "on-chip" for a DRAM tier passes on-chip gates with gigabytes of room.
/// </summary>
public sealed class TierKindTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-tier-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The case: YOLOv3-tiny at 832x832 (13.8 MB of activations) with a 2 GiB second tier.</summary>
    private CliRunner.Result Check(string tierName, string? kind, string size = "2 GiB", string firstTier = "sram")
    {
        var yaml = $"""
            version: 1
            accelerators:
              - name: npu
                compute: 4 TOPS
                memory:
                  - name: {firstTier}
                    size: 1 MiB
                    bandwidth: 100 GB/s
                  - name: {tierName}
                    size: {size}
                    bandwidth: 10 GB/s
            {(kind is null ? "" : $"        kind: {kind}\n")}models:
              - source: zoo:yolov3-tiny
                resolutions: [832x832]
                precision: int8
                deploy: [npu]
                gates:
                  weights: anywhere
                  activations: on-chip
            """;
        File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), yaml);
        return CliRunner.Run(_dir, "check", "fitcheck.yml");
    }

    [Theory]
    [InlineData("external")]
    [InlineData("flash")]
    [InlineData("psram")]
    [InlineData("ram")]
    [InlineData("main-memory")]
    [InlineData("host-memory")]
    [InlineData("sram-or-ddr")]
    public void ATierWhoseNameDoesNotSayItsKindIsAnInputErrorAtItsName(string name)
    {
        var r = Check(name, kind: null);

        CliRunner.AssertCleanInputError(r, "FC0310");
        Assert.Contains($"fitcheck.yml(9,15): error FC0310: memory tier '{name}' of accelerator 'npu' does not say whether it is on-chip SRAM or DRAM", r.Error);
        Assert.Contains("hint: add `kind: sram` (on the chip) or `kind: dram`", r.Error);
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("external")]
    [InlineData("flash")]
    [InlineData("psram")]
    [InlineData("ram")]
    [InlineData("main-memory")]
    [InlineData("host-memory")]
    public void StatedAsDramTheSameTierFailsTheOnChipGate(string name)
    {
        var r = Check(name, kind: "dram");

        Assert.Equal(1, r.ExitCode);
        // The tier was written in MiB, so the sentence comes back in MiB.
        Assert.Contains("exceed on-chip sram (1 MiB) by ", r.Out);
        Assert.Equal("", r.Error);
    }

    [Theory]
    [InlineData("lpddr4")]
    [InlineData("ddr4-3200")]
    [InlineData("host_dram")]
    [InlineData("HBM2e")]
    [InlineData("gddr6")]
    public void ADramNameDecidesTheKindAndTheOnChipGateFails(string name)
    {
        var r = Check(name, kind: null);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("exceed on-chip sram (1 MiB) by ", r.Out);
    }

    [Fact]
    public void AnOnChipTierOfGigabytesPassesWithAWarning()
    {
        // Stated as SRAM the 2 GiB tier holds the arena, so the gate passes; the warning says why that is suspicious.
        var r = Check("bulk-sram", kind: "sram");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("fitcheck.yml(9,9): warning FC0311: on-chip tier 'bulk-sram' of accelerator 'npu' holds 2 GiB, more than any single-die SRAM", r.Error);
        Assert.Contains("hint: if this memory is off the chip, write `kind: dram`", r.Error);
    }

    [Fact]
    public void AKindThatContradictsTheNameIsAWarning()
    {
        var r = Check("lpddr4", kind: "sram", size: "64 MiB");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning FC0312: memory tier 'lpddr4' of accelerator 'npu' is named like DRAM but declared `kind: sram`", r.Error);
    }

    [Fact]
    public void TheFirstTierNeedsAKindToo()
    {
        var r = Check("dram", kind: null, firstTier: "fast");

        CliRunner.AssertCleanInputError(r, "FC0310");
        Assert.Contains("memory tier 'fast'", r.Error);
    }

    [Theory]
    [InlineData("sram", true)]
    [InlineData("local-sram", true)]
    [InlineData("L2", true)]
    [InlineData("itcm", true)]
    [InlineData("scratchpad", true)]
    [InlineData("dram", false)]
    [InlineData("host-dram", false)]
    [InlineData("lpddr4x", false)]
    [InlineData("sdram", false)]
    [InlineData("hbm3", false)]
    [InlineData("psram", null)]
    [InlineData("sramx", null)]
    [InlineData("ddr-sram", null)]
    [InlineData("memory", null)]
    [InlineData("", null)]
    public void TheNameRuleMatchesWholeWordsOnly(string name, bool? onChip) =>
        Assert.Equal(onChip, TierKindRule.OnChipFromName(name));

    [Fact]
    public void EveryPresetTierStatesItsKind()
    {
        var text = File.ReadAllText(Support.RepoPaths.Of("src", "FitCheck.Core", "Hardware", "Presets", "presets.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var presets = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("presets")];
        var tiers = presets.Cast<YamlMappingNode>()
            .SelectMany(p => (YamlSequenceNode)p.Children[new YamlScalarNode("memory")])
            .Cast<YamlMappingNode>()
            .ToList();

        Assert.NotEmpty(tiers);
        Assert.All(tiers, t => Assert.True(t.Children.ContainsKey(new YamlScalarNode("kind")), t.ToString()));
    }

    [Fact]
    public void AWarningFormatsAsAWarning() =>
        Assert.Equal("m.yml(2,3): warning FC0311: x", new Diagnostic("FC0311", "x", new SourceLocation("m.yml", 2, 3), null, DiagnosticSeverity.Warning).Format());
}
