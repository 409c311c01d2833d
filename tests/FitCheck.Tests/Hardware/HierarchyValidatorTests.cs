using FitCheck.Diagnostics;
using FitCheck.Hardware;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Hardware;

public class HierarchyValidatorTests
{
    private static readonly SourceLocation At = new("fitcheck.yml", 12, 9);

    private static string Error(params MemoryTier[] tiers)
    {
        var e = Assert.Throws<FitCheckException>(() => HierarchyValidator.Validate(Make(1e12, 1, OverlapMode.Pipelined, tiers)));
        Assert.NotNull(e.Diagnostic.Hint);
        return e.Diagnostic.Id + " " + e.Diagnostic.Location;
    }

    [Fact]
    public void ZeroBandwidthIsAnInputErrorAtTheTier() =>
        Assert.Equal("FC0301 fitcheck.yml(12,9)", Error(Sram(1024, 0) with { Location = At }));

    [Fact]
    public void AnOnChipTierAfterDramIsAnInputError() =>
        Assert.Equal("FC0302 fitcheck.yml(12,9)", Error(Dram(1 << 30, 1e10), Sram(1024, 1e10) with { Location = At }));

    [Fact]
    public void ASlowerTierBeforeAFasterOneIsAnInputError() =>
        Assert.Equal("FC0303 fitcheck.yml(12,9)", Error(Sram(1024, 1e9) with { Location = At }, new MemoryTier("bulk", 4096, 1, 1e10, true)));

    [Fact]
    public void AnOrderedHierarchyIsAccepted() =>
        HierarchyValidator.Validate(Make(1e12, 1, OverlapMode.Pipelined, Sram(1024, 1e11), Dram(1 << 30, 1e10)));
}
