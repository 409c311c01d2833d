using System.Globalization;
using FitCheck.Diagnostics;
using FitCheck.Units;

namespace FitCheck.Tests.Units;

public class UnitParserTests
{
    [Theory]
    [InlineData("100 B", 100L)]
    [InlineData("8 MiB", 8L * 1024 * 1024)]
    [InlineData("2 MB", 2_000_000L)]
    [InlineData("512 KiB", 512L * 1024)]
    [InlineData("1.5 GB", 1_500_000_000L)]
    [InlineData("1.5 GiB", 1_610_612_736L)]
    [InlineData("4 kB", 4000L)]
    [InlineData("4 KB", 4000L)]
    [InlineData("2 TiB", 2_199_023_255_552L)]
    [InlineData("1 TB", 1_000_000_000_000L)]
    [InlineData("8MiB", 8_388_608L)]
    [InlineData("  64 KiB  ", 65_536L)]
    [InlineData("2.5 B", 3L)] // fractional bytes round half away from zero
    [InlineData("1.4 B", 1L)]
    [InlineData("1e3 B", 1000L)]
    [InlineData("0.5 KiB", 512L)]
    [InlineData("9223372036854775807 B", long.MaxValue)]
    public void SizesUseSiPowersOf1000AndIecPowersOf1024(string text, long expected) =>
        Assert.Equal(expected, UnitParser.ParseBytes(text));

    [Theory]
    [InlineData("17 GB/s", 17e9)]
    [InlineData("1 TB/s", 1e12)]
    [InlineData("800 MiB/s", 838_860_800.0)]
    [InlineData("2 TB/s", 2e12)]
    [InlineData("100 B/s", 100.0)]
    public void BandwidthIsBytesPerSecond(string text, double expected) =>
        Assert.Equal(expected, UnitParser.ParseBandwidth(text));

    [Theory]
    [InlineData("4 TOPS", 4e12, 2e12)]
    [InlineData("26 TOPS", 26e12, 13e12)]
    [InlineData("500 GOPS", 500e9, 250e9)]
    [InlineData("2 TMAC/s", 4e12, 2e12)]
    [InlineData("500 GMAC/s", 1e12, 500e9)]
    public void ComputeCountsAMultiplyAccumulateAsTwoOperations(string text, double ops, double macs)
    {
        var rate = UnitParser.ParseCompute(text);
        Assert.Equal(ops, rate.OpsPerSecond);
        Assert.Equal(macs, rate.MacsPerSecond);
    }

    [Theory]
    [InlineData("500 MHz", UnitKind.Frequency, 5e8)]
    [InlineData("1.2 GHz", UnitKind.Frequency, 1.2e9)]
    [InlineData("10%", UnitKind.Percent, 0.1)]
    [InlineData("70 %", UnitKind.Percent, 0.7)]
    [InlineData("100%", UnitKind.Percent, 1.0)]
    [InlineData("33 ms", UnitKind.Duration, 0.033)]
    [InlineData("1.5 s", UnitKind.Duration, 1.5)]
    [InlineData("200 us", UnitKind.Duration, 0.0002)]
    [InlineData("200 \u00B5s", UnitKind.Duration, 0.0002)]
    [InlineData("200 \u03BCs", UnitKind.Duration, 0.0002)]
    [InlineData("30 fps", UnitKind.FrameRate, 30.0)]
    [InlineData("29.97 fps", UnitKind.FrameRate, 29.97)]
    public void OtherQuantitiesParseToTheirBaseUnit(string text, UnitKind kind, double expected) =>
        Assert.Equal(expected, UnitParser.Parse(text, kind));

    [Theory]
    [InlineData("8", UnitKind.Size, "FC0113")] // bare number
    [InlineData("0.1", UnitKind.Percent, "FC0113")] // percent needs its sign
    [InlineData("-0", UnitKind.Size, "FC0113")]
    [InlineData("8 GB/s", UnitKind.Size, "FC0114")] // a bandwidth where a size is expected
    [InlineData("8 MiB", UnitKind.Bandwidth, "FC0114")]
    [InlineData("30 ms", UnitKind.FrameRate, "FC0114")]
    [InlineData("4 TOPS", UnitKind.Frequency, "FC0114")]
    [InlineData("8 Mb", UnitKind.Size, "FC0115")] // megabit is not a unit here
    [InlineData("8 mib", UnitKind.Size, "FC0115")]
    [InlineData("8 furlongs", UnitKind.Size, "FC0115")]
    [InlineData("", UnitKind.Size, "FC0116")]
    [InlineData("MiB", UnitKind.Size, "FC0116")]
    [InlineData("NaN MB", UnitKind.Size, "FC0116")]
    [InlineData(".nan", UnitKind.Size, "FC0116")]
    [InlineData(".inf", UnitKind.Bandwidth, "FC0116")]
    [InlineData("Infinity GB/s", UnitKind.Bandwidth, "FC0116")]
    [InlineData("1,5 MB", UnitKind.Size, "FC0116")] // comma decimal separator
    [InlineData("1 000 MB", UnitKind.Size, "FC0116")]
    [InlineData("1e400 B", UnitKind.Size, "FC0117")]
    [InlineData("1e400", UnitKind.Size, "FC0117")]
    [InlineData("1e400 GB/s", UnitKind.Bandwidth, "FC0117")]
    [InlineData("1e300 TB/s", UnitKind.Bandwidth, "FC0117")]
    [InlineData("9223372036854775808 B", UnitKind.Size, "FC0117")] // long.MaxValue + 1
    [InlineData("8388608 TiB", UnitKind.Size, "FC0117")] // 2^63 bytes
    [InlineData("0 B", UnitKind.Size, "FC0117")]
    [InlineData("-0 MB", UnitKind.Size, "FC0117")]
    [InlineData("0.4 B", UnitKind.Size, "FC0117")] // rounds to zero bytes
    [InlineData("-8 MiB", UnitKind.Size, "FC0117")]
    [InlineData("0 GB/s", UnitKind.Bandwidth, "FC0117")]
    [InlineData("-1 TOPS", UnitKind.Compute, "FC0117")]
    [InlineData("0 fps", UnitKind.FrameRate, "FC0117")]
    [InlineData("-5 ms", UnitKind.Duration, "FC0117")]
    public void InvalidStringsAreDiagnosticsNamingTheExpectedUnits(string text, UnitKind kind, string id)
    {
        var at = new SourceLocation("m.yaml", 3, 9);
        var ex = Assert.Throws<FitCheckException>(() => UnitParser.Parse(text, kind, at, "size"));
        Assert.Equal(id, ex.Diagnostic.Id);
        Assert.Equal(at, ex.Diagnostic.Location);
        Assert.False(string.IsNullOrEmpty(ex.Diagnostic.Hint));
    }

    [Fact]
    public void ABareNumberNamesTheExpectedUnits()
    {
        var d = Assert.Throws<FitCheckException>(() => UnitParser.ParseBytes("8", null, "size")).Diagnostic;
        Assert.Contains("expected a size such as `8 MiB` or `2 MB`", d.Message, StringComparison.Ordinal);
        Assert.Contains("MiB", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void AUnitOfTheWrongKindSaysWhatItIs()
    {
        var d = Assert.Throws<FitCheckException>(() => UnitParser.ParseBytes("8 GB/s", null, "size")).Diagnostic;
        Assert.Contains("a bandwidth", d.Message, StringComparison.Ordinal);
        Assert.Contains("expected a size", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUnitInTheWrongCaseIsSuggested()
    {
        var d = Assert.Throws<FitCheckException>(() => UnitParser.ParseBytes("8 mib")).Diagnostic;
        Assert.Contains("did you mean 'MiB'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroIsAcceptedOnlyWhereAllowed()
    {
        Assert.Equal(0L, UnitParser.ParseBytes("0 B", allowZero: true));
        Assert.Equal(0.0, UnitParser.ParseBandwidth("0 GB/s", allowZero: true));
        Assert.Equal(0.0, UnitParser.ParsePercent("0%"));
    }

    [Fact]
    public void ParsingIgnoresACommaDecimalCulture()
    {
        double bandwidth = 0;
        long bytes = 0;
        double seconds = 0;
        var thread = new Thread(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            bandwidth = UnitParser.ParseBandwidth("1.5 GB/s");
            bytes = UnitParser.ParseBytes("1.5 GB");
            seconds = UnitParser.ParseSeconds("1.5 s");
        });
        thread.Start();
        thread.Join();
        Assert.Equal(1.5e9, bandwidth);
        Assert.Equal(1_500_000_000L, bytes);
        Assert.Equal(1.5, seconds);
    }
}
