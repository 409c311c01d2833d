using FitCheck.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FitCheck.Tests.Analysis;

public class AllocatorTests
{
    // Live ranges -> expected arena, worked out by hand (Vela's allocator tests use the same shape).
    [Theory]
    [InlineData(new long[] { 100, 0, 1, 50, 1, 2, 100, 2, 3 }, 150)] // chain: neighbours overlap, alternate ends reuse
    [InlineData(new long[] { 100, 0, 3, 50, 1, 1, 50, 2, 2 }, 150)] // the two 50s never meet: they share one slot
    [InlineData(new long[] { 10, 0, 0, 20, 1, 1, 30, 2, 2 }, 30)] // nothing overlaps: one slot the size of the largest
    [InlineData(new long[] { 10, 0, 5, 20, 0, 5, 30, 0, 5 }, 60)] // all alive together
    public void TableOfLiveRanges(long[] triples, long expected)
    {
        var buffers = new List<TensorBuffer>();
        for (var i = 0; i < triples.Length; i += 3)
        {
            buffers.Add(new TensorBuffer(i / 3, triples[i], (int)triples[i + 1], (int)triples[i + 2]));
        }

        GreedyBySizeAllocator.Allocate(buffers, out var arena);
        Assert.Equal(expected, arena);
        Assert.True(arena >= GreedyBySizeAllocator.LowerBound(buffers));
    }

    [Property(MaxTest = 300)]
    public Property NoTwoLiveBuffersShareBytesAndThePeakIsAtLeastTheLiveSet()
    {
        var gen =
            from n in Gen.Choose(1, 40)
            from sizes in Gen.ArrayOf(Gen.Choose(1, 1000), n)
            from starts in Gen.ArrayOf(Gen.Choose(0, 30), n)
            from lengths in Gen.ArrayOf(Gen.Choose(0, 10), n)
            select sizes.Select((s, i) => new TensorBuffer(i, s, starts[i], starts[i] + lengths[i])).ToArray();

        return Prop.ForAll(gen.ToArbitrary(), buffers =>
        {
            var offsets = GreedyBySizeAllocator.Allocate(buffers, out var arena);
            for (var i = 0; i < buffers.Length; i++)
            {
                if (offsets[i] < 0 || offsets[i] + buffers[i].Bytes > arena)
                {
                    return false;
                }

                for (var j = i + 1; j < buffers.Length; j++)
                {
                    var disjoint = offsets[i] + buffers[i].Bytes <= offsets[j] || offsets[j] + buffers[j].Bytes <= offsets[i];
                    if (buffers[i].OverlapsInTime(buffers[j]) && !disjoint)
                    {
                        return false;
                    }
                }
            }

            return arena >= GreedyBySizeAllocator.LowerBound(buffers);
        });
    }
}
