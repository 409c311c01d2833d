using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;

namespace FitCheck.Tests.Throughput;

public class ResolutionRangeTests
{
    [Fact]
    public void ARangeStepsSquareSidesInclusive()
    {
        var list = ResolutionRange.Parse("224..2048/32");
        Assert.Equal(58, list.Count); // (2048 - 224) / 32 + 1
        Assert.Equal(new Resolution(224, 224), list[0]);
        Assert.Equal(new Resolution(2048, 2048), list[^1]);
    }

    [Fact]
    public void AListMayMixSquaresAndRectangles() =>
        Assert.Equal([new Resolution(224, 224), new Resolution(1920, 1088)], ResolutionRange.Parse("224, 1920x1088"));

    [Theory]
    [InlineData("2048..224/32")]
    [InlineData("224..2048/0")]
    [InlineData("a..b")]
    [InlineData("1..1000000/1")]
    public void BadRangesAreArgumentErrors(string text) =>
        Assert.Equal("FC0002", Assert.Throws<FitCheckException>(() => ResolutionRange.Parse(text)).Diagnostic.Id);
}
