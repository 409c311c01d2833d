using System.Runtime.CompilerServices;
using FitCheck.Graph;

namespace FitCheck.Analysis;

/// <summary>
/// What every executed layer reads, writes and multiplies, independent of any accelerator: the
/// activation buffers it touches (with bytes), its own weight bytes and its MACs. Views move no data
/// and are left out. Built once per analysed network and cached, so evaluating the same model on many
/// accelerators (a sweep, a manifest with several deployments) only walks flat arrays.
/// </summary>
public sealed class TrafficProfile
{
    private static readonly ConditionalWeakTable<ActivationPlan, TrafficProfile> Cache = new();

    private TrafficProfile(int layers, int accesses, int buffers)
    {
        Layer = new int[layers];
        AccessStart = new int[layers + 1];
        AccessBuffer = new int[accesses];
        AccessBytes = new long[accesses];
        WeightBytes = new long[layers];
        Macs = new long[layers];
        Shapes = new LayerShape[layers];
        Reads = new int[buffers];
        SpillOrder = new int[buffers];
        BufferBytes = new long[buffers];
        BufferFirst = new int[buffers];
        BufferLast = new int[buffers];
        BufferIsOutput = new bool[buffers];
    }

    /// <summary>Index in <see cref="Network.Layers"/> of each executed layer.</summary>
    public int[] Layer { get; }

    /// <summary>Accesses of executed layer i are AccessStart[i] .. AccessStart[i+1]-1: its reads, then its write (last).</summary>
    public int[] AccessStart { get; }

    public int[] AccessBuffer { get; }

    public long[] AccessBytes { get; }

    public long[] WeightBytes { get; }

    public long[] Macs { get; }

    /// <summary>How each executed layer's work maps onto an engine (see <see cref="LayerShape"/>).</summary>
    public LayerShape[] Shapes { get; }

    /// <summary>Bytes of the network's input tensor and of its outputs (tensors no layer reads): what crosses the host link.</summary>
    public long InputBytes { get; private set; }

    public long OutputBytes { get; private set; }

    /// <summary>How many layer inputs each buffer serves.</summary>
    public int[] Reads { get; }

    /// <summary>
    /// Buffers in the order they leave on-chip memory when the arena does not fit: fewest reads per byte
    /// first (big tensors read once go before small tensors read by many layers), then larger first, then by id.
    /// </summary>
    public int[] SpillOrder { get; }

    public int Count => Layer.Length;

    /// <summary>Each arena buffer's bytes and live range (network layer indices), as the planner made them.</summary>
    public long[] BufferBytes { get; }

    public int[] BufferFirst { get; }

    public int[] BufferLast { get; }

    /// <summary>Buffers holding a network output (a tensor no layer reads): they leave the chip whatever runs make them.</summary>
    public bool[] BufferIsOutput { get; }

    /// <summary>Row geometry of every executed layer, for striped execution (see <see cref="StripeGeometry"/>).</summary>
    public StripeGeometry Geometry { get; private set; } = null!;

    public static TrafficProfile For(ModelAnalysis analysis) =>
        Cache.GetValue(analysis.Activations, _ => Build(analysis.Network, analysis.Activations, analysis.Precision));

    public static TrafficProfile Build(Network network, ActivationPlan plan, Precision precision)
    {
        var layers = network.Layers;
        var elementBytes = precision.ElementBytes();
        var biasBytes = precision.BiasBytes();
        int executed = 0, accesses = 0;
        foreach (var layer in layers)
        {
            if (!layer.IsView)
            {
                executed++;
                accesses += layer.Inputs.Length + 1;
            }
        }

        var p = new TrafficProfile(executed, accesses, plan.Buffers.Count);
        int e = 0, a = 0;
        foreach (var layer in layers)
        {
            if (layer.IsView)
            {
                continue;
            }

            p.Layer[e] = layer.Index;
            p.AccessStart[e] = a;
            foreach (var input in layer.Inputs)
            {
                var buffer = plan.BufferOfLayer[input];
                p.AccessBuffer[a] = buffer;
                p.AccessBytes[a] = checked(layers[input].Output.Elements * elementBytes);
                p.Reads[buffer]++;
                a++;
            }

            p.AccessBuffer[a] = plan.BufferOfLayer[layer.Index];
            p.AccessBytes[a] = checked(layer.Output.Elements * elementBytes);
            a++;
            p.WeightBytes[e] = checked(layer.WeightParameters * elementBytes + layer.BiasParameters * biasBytes);
            p.Macs[e] = layer.Macs;
            p.Shapes[e] = LayerShape.Of(layer, layers);
            e++;
        }

        p.AccessStart[executed] = a;
        var read = new bool[layers.Count];
        foreach (var layer in layers)
        {
            foreach (var i in layer.Inputs)
            {
                read[i] = true;
            }
        }

        foreach (var layer in layers)
        {
            if (layer.Kind == LayerKind.Input)
            {
                p.InputBytes = checked(p.InputBytes + layer.Output.Elements * elementBytes);
            }
            else if (!read[layer.Index])
            {
                p.OutputBytes = checked(p.OutputBytes + layer.Output.Elements * elementBytes);
                p.BufferIsOutput[plan.BufferOfLayer[layer.Index]] = true;
            }
        }

        var buffers = plan.Buffers;
        for (var i = 0; i < p.SpillOrder.Length; i++)
        {
            p.SpillOrder[i] = i;
            p.BufferBytes[i] = buffers[i].Bytes;
            p.BufferFirst[i] = buffers[i].FirstUse;
            p.BufferLast[i] = buffers[i].LastUse;
        }

        p.Geometry = StripeGeometry.Build(network, p);

        var reads = p.Reads;
        Array.Sort(p.SpillOrder, (x, y) =>
        {
            // reads/bytes compared without division: rx/bx < ry/by  <=>  rx*by < ry*bx.
            var c = ((Int128)reads[x] * buffers[y].Bytes).CompareTo((Int128)reads[y] * buffers[x].Bytes);
            if (c == 0)
            {
                c = buffers[y].Bytes.CompareTo(buffers[x].Bytes);
            }

            return c != 0 ? c : x.CompareTo(y);
        });
        return p;
    }
}
