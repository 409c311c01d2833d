using FitCheck.Analysis;
using FitCheck.Graph;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FitCheck.Tests.Analysis;

public class PlannerTests
{
    [Fact]
    public void AResidualAddRunsInPlaceSoABlockNeedsNoThirdBigBuffer()
    {
        // x (1x8x10x10 = 800 B int8) -> a = conv 1x1 to 2 ch (200 B) -> c = conv 1x1 back to 8 ch (800 B) -> x + c.
        var b = new NetworkBuilder("res", 1, 8, 10, 10);
        var x = b.Conv(b.Input, 8, 1);
        var a = b.Conv(x, 2, 1);
        var c = b.Conv(a, 8, 1);
        b.Add(x, c);
        var plan = ActivationPlanner.Plan(b.Build(), Precision.Int8);
        // While c is computed: x (800, kept for the add) + a (200) + c (800) = 1800; the add writes into c.
        Assert.Equal(1800, plan.LowerBoundBytes);
        Assert.Equal(1800, plan.PeakBytes);
        Assert.Equal(4, plan.Buffers.Count); // input, x, a, c (add shares c)
    }

    [Fact]
    public void AViewSharesItsSourceAndKeepsItAlive()
    {
        var b = new NetworkBuilder("view", 1, 4, 4, 4);
        var x = b.Conv(b.Input, 4, 1); // 64 B
        var v = b.View(x, new TensorShape(1, 64, 1, 1));
        var y = b.Conv(x, 4, 1); // reads x while the view is still to be used
        b.FullyConnected(v, 10);
        var plan = ActivationPlanner.Plan(b.Build(), Precision.Fp32);
        Assert.Equal(plan.BufferOfLayer[x], plan.BufferOfLayer[v]);
        var bx = plan.Buffers[plan.BufferOfLayer[x]];
        Assert.Equal(4, bx.LastUse); // alive until the FC reads the view
        Assert.NotEqual(plan.BufferOfLayer[x], plan.BufferOfLayer[y]);
    }

    [Property(MaxTest = 200)]
    public Property RandomGraphsNeverOverlapLiveTensors()
    {
        // Random DAGs of convs, adds and concats over a fixed spatial size.
        var gen =
            from n in Gen.Choose(1, 30)
            from kinds in Gen.ArrayOf(Gen.Choose(0, 2), n)
            from firsts in Gen.ArrayOf(Gen.Choose(0, 1000), n)
            from seconds in Gen.ArrayOf(Gen.Choose(0, 1000), n)
            from channels in Gen.ArrayOf(Gen.Choose(1, 16), n)
            select (kinds, firsts, seconds, channels);

        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var b = new NetworkBuilder("random", 1, 3, 8, 8);
            for (var i = 0; i < t.kinds.Length; i++)
            {
                var (op, p, q) = (t.kinds[i], t.firsts[i], t.seconds[i]);
                var src = p % b.Count;
                var other = q % b.Count;
                if (op == 1 && b.Shape(src) == b.Shape(other) && src != other)
                {
                    b.Add(src, other);
                }
                else if (op == 2 && src != other)
                {
                    b.Concat([src, other]);
                }
                else
                {
                    b.Conv(src, t.channels[i], 3);
                }
            }

            var plan = ActivationPlanner.Plan(b.Build(), Precision.Int8);
            var buffers = plan.Buffers;
            for (var i = 0; i < buffers.Count; i++)
            {
                for (var j = i + 1; j < buffers.Count; j++)
                {
                    var disjoint = plan.Offsets[i] + buffers[i].Bytes <= plan.Offsets[j] || plan.Offsets[j] + buffers[j].Bytes <= plan.Offsets[i];
                    if (buffers[i].OverlapsInTime(buffers[j]) && !disjoint)
                    {
                        return false;
                    }
                }
            }

            // Every layer's inputs must still be alive (not reused) when the layer runs.
            var net = b.Build();
            foreach (var layer in net.Layers)
            {
                foreach (var input in layer.Inputs)
                {
                    var buf = buffers[plan.BufferOfLayer[input]];
                    if (buf.LastUse < layer.Index)
                    {
                        return false;
                    }
                }
            }

            return plan.PeakBytes >= plan.LowerBoundBytes;
        });
    }
}
