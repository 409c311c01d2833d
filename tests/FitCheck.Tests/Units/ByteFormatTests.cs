using System.Globalization;
using FitCheck.Units;

namespace FitCheck.Tests.Units;

public class ByteFormatTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(999L, "999 B")]
    [InlineData(1000L, "1.0 kB")]
    [InlineData(1536L, "1.5 kB")]
    [InlineData(17_700_000L, "17.7 MB")]
    [InlineData(17_749_999L, "17.7 MB")]
    [InlineData(17_750_000L, "17.8 MB")]
    [InlineData(999_949L, "999.9 kB")]
    [InlineData(999_950L, "1.0 MB")] // would read "1000.0 kB"
    [InlineData(22_700_000L, "22.7 MB")]
    [InlineData(2_000_000_000L, "2.0 GB")]
    [InlineData(1_000_000_000_000L, "1.0 TB")]
    [InlineData(long.MaxValue, "9223372.0 TB")]
    [InlineData(-1_500_000L, "-1.5 MB")]
    [InlineData(long.MinValue, "-9223372.0 TB")]
    public void HumanSizesUseDecimalPrefixesAndOneDecimal(long bytes, string expected) =>
        Assert.Equal(expected, ByteFormat.Human(bytes));

    [Fact]
    public void HumanSizesIgnoreACommaDecimalCulture()
    {
        string? text = null;
        var thread = new Thread(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            text = ByteFormat.Human(17_700_000);
        });
        thread.Start();
        thread.Join();
        Assert.Equal("17.7 MB", text);
    }
}
