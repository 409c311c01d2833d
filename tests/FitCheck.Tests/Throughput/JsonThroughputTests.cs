using System.Globalization;
using System.Text.Json;
using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Reports;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Throughput;

public class JsonThroughputTests
{
    private static CheckReport Report()
    {
        var acc = Make(double.PositiveInfinity, 1, OverlapMode.Pipelined, Sram(2_000, 1e12), Dram(1L << 30, 1e9));
        return new CheckReport("m.yml", [Deploy(TwoConvs(), acc)]);
    }

    [Fact]
    public void AResultCarriesPlacementAndThroughput()
    {
        using var doc = JsonDocument.Parse(JsonReport.ToString(Report(), "0.0.0"));
        var r = doc.RootElement.GetProperty("results")[0];
        var placement = r.GetProperty("placement");
        Assert.Equal("dram", placement.GetProperty("weights").GetProperty("tier").GetString());
        Assert.True(placement.GetProperty("weights").GetProperty("streamed").GetBoolean());
        Assert.Equal("sram", placement.GetProperty("activations").GetProperty("tier").GetString());
        Assert.Equal(656, placement.GetProperty("streamedBytesPerFrame")[0].GetProperty("bytes").GetInt64());
        var t = r.GetProperty("throughput");
        Assert.Equal(656, t.GetProperty("dramBytesPerFrame").GetInt64());
        Assert.Equal("dram", t.GetProperty("bound").GetString());
        Assert.True(t.GetProperty("fps").GetDouble() > 0);
    }

    [Fact]
    public void JsonIsTheSameUnderACommaDecimalCulture()
    {
        var invariant = JsonReport.ToString(Report(), "0.0.0");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal(invariant, JsonReport.ToString(Report(), "0.0.0"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
