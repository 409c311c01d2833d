using FitCheck.Graph;
using FitCheck.Hardware;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FitCheck.Tests.Throughput.TestHardware;

namespace FitCheck.Tests.Throughput;

public class OverlapPropertyTests
{
    private static Network Random(int[] channels, int[] kinds)
    {
        var b = new NetworkBuilder("random", 1, 3, 16, 16);
        var last = b.Input;
        for (var i = 0; i < channels.Length; i++)
        {
            last = kinds[i] switch
            {
                0 => b.Conv(last, channels[i], 3),
                1 => b.Conv(last, channels[i], 1),
                _ => b.Add(last, b.Conv(last, b.Shape(last).C, 1)),
            };
        }

        return b.Build();
    }

    private static readonly Gen<(int[] Channels, int[] Kinds, long Sram, double SramBw, double DramBw, double Macs, double Util)> Cases =
        from n in Gen.Choose(1, 12)
        from channels in Gen.ArrayOf(Gen.Choose(1, 64), n)
        from kinds in Gen.ArrayOf(Gen.Choose(0, 2), n)
        from sram in Gen.Choose(64, 200_000)
        from sramBw in Gen.Choose(1, 1000)
        from dramBw in Gen.Choose(1, 100)
        from macs in Gen.Choose(1, 10_000)
        from util in Gen.Choose(1, 100)
        select (channels, kinds, (long)sram, sramBw * 1e9, dramBw * 1e8, macs * 1e8, util / 100.0);

    [Property(MaxTest = 200)]
    public Property PipelinedIsNeverSlowerThanSerialized() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var network = Random(c.Channels, c.Kinds);
            var tiers = new[] { Sram(c.Sram, Math.Max(c.SramBw, c.DramBw)), Dram(1L << 32, c.DramBw) };
            var pipelined = Deploy(network, Make(c.Macs, c.Util, OverlapMode.Pipelined, tiers)).Throughput!;
            var serialized = Deploy(network, Make(c.Macs, c.Util, OverlapMode.Serialized, tiers)).Throughput!;
            return pipelined.Fps >= serialized.Fps
                && pipelined.Fps <= serialized.Fps * 2 * (1 + 1e-12); // max(a, b) >= (a + b) / 2
        });

    [Property(MaxTest = 100)]
    public Property WithoutMemoryTrafficBothModesAgree() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var network = Random(c.Channels, c.Kinds);
            var tiers = new[] { Sram(1L << 40, double.PositiveInfinity) };
            var pipelined = Deploy(network, Make(c.Macs, c.Util, OverlapMode.Pipelined, tiers)).Throughput!;
            var serialized = Deploy(network, Make(c.Macs, c.Util, OverlapMode.Serialized, tiers)).Throughput!;
            return pipelined.Fps == serialized.Fps;
        });
}
