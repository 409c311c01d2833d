using FitCheck.Graph;

namespace FitCheck.Analysis;

/// <summary>How an input's rows follow from a stripe of output rows.</summary>
public enum RowMap : byte
{
    /// <summary>Row r reads row r (elementwise, concatenation, detection decode).</summary>
    Same,

    /// <summary>A sliding window (convolution, pooling): rows r x stride - pad .. + dilation x (kernel - 1).</summary>
    Window,

    /// <summary>A transposed convolution: output rows gather the input rows whose window reaches them.</summary>
    Transposed,

    /// <summary>Nearest-neighbour resize: row r reads row floor(r x inRows / outRows).</summary>
    Scale,

    /// <summary>A one-row input broadcast over every row (a per-channel scale): the whole input each stripe.</summary>
    Whole,
}

/// <summary>
/// The row geometry striped execution needs, per executed layer of a <see cref="TrafficProfile"/>: whether the
/// layer can be computed a horizontal stripe at a time, its output rows, and for each input which rows a stripe
/// of output rows reads (<see cref="RowMap"/>, the layer's <see cref="LayerWindow"/>, the input's rows).
/// <para>
/// Stripable: convolution and pooling (window known from the builder, or for imported layers inferred from the
/// kernel name and the shapes with the padding split evenly), transposed convolution, elementwise and
/// activation layers, concatenation, nearest resize and detection decode, as long as every input has the
/// output's rows (or one row, broadcast). Everything else breaks a run: global pooling, fully connected and
/// matrix products, softmax, normalization, copies and slices, a reshape between two layers, 3-D convolution.
/// Rows are per image; a batch multiplies every row's bytes.
/// </para>
/// </summary>
public sealed class StripeGeometry
{
    private StripeGeometry(int layers, int accesses)
    {
        Stripable = new bool[layers];
        Rows = new long[layers];
        Map = new RowMap[accesses];
        Window = new LayerWindow[accesses];
        InputRows = new long[accesses];
        Producer = new int[accesses];
    }

    public bool[] Stripable { get; }

    /// <summary>Output rows (height) of each executed layer.</summary>
    public long[] Rows { get; }

    /// <summary>Per access (indexed like <see cref="TrafficProfile.AccessBuffer"/>; the write slot is unused): the row map.</summary>
    public RowMap[] Map { get; }

    public LayerWindow[] Window { get; }

    /// <summary>Rows of the tensor the access reads (the write slot holds the layer's own rows).</summary>
    public long[] InputRows { get; }

    /// <summary>Executed layer that produced the tensor an access reads (views resolved), or -1 (a network input).</summary>
    public int[] Producer { get; }

    internal static StripeGeometry Build(Network network, TrafficProfile p)
    {
        var layers = network.Layers;
        var g = new StripeGeometry(p.Count, p.AccessBuffer.Length);
        var executedOf = new int[layers.Count];
        Array.Fill(executedOf, -1);
        for (var e = 0; e < p.Count; e++)
        {
            executedOf[p.Layer[e]] = e;
        }

        for (var e = 0; e < p.Count; e++)
        {
            var layer = layers[p.Layer[e]];
            var output = layer.Output;
            g.Rows[e] = output.H;
            var write = p.AccessStart[e + 1] - 1;
            g.InputRows[write] = output.H;
            g.Producer[write] = e;
            var ok = Kind(layer.Kind) && output.H > 1;
            var a = p.AccessStart[e];
            foreach (var input in layer.Inputs)
            {
                var (source, reshaped) = Resolve(layers, input);
                var seen = layers[input].Output;
                g.Producer[a] = executedOf[source];
                g.InputRows[a] = seen.H;
                ok &= !reshaped;
                if (a == p.AccessStart[e] && HasWindow(layer.Kind))
                {
                    var w = layer.Window ?? Infer(layer, seen);
                    ok &= w is not null && seen.W >= 1;
                    g.Window[a] = w ?? default;
                    g.Map[a] = layer.Kind == LayerKind.ConvTranspose ? RowMap.Transposed : RowMap.Window;
                }
                else if (layer.Kind == LayerKind.Upsample && a == p.AccessStart[e])
                {
                    g.Map[a] = RowMap.Scale;
                    ok &= seen.H <= output.H;
                }
                else
                {
                    g.Map[a] = seen.H == output.H ? RowMap.Same : RowMap.Whole;
                    ok &= seen.H == output.H || seen.H == 1;
                }

                a++;
            }

            g.Stripable[e] = ok;
        }

        return g;
    }

    private static bool Kind(LayerKind kind) => kind is LayerKind.Convolution or LayerKind.ConvTranspose or LayerKind.MaxPool
        or LayerKind.AvgPool or LayerKind.Add or LayerKind.Mul or LayerKind.Concat or LayerKind.Upsample or LayerKind.Activation
        or LayerKind.Detection;

    private static bool HasWindow(LayerKind kind) => kind is LayerKind.Convolution or LayerKind.ConvTranspose or LayerKind.MaxPool or LayerKind.AvgPool;

    /// <summary>The storage an input names once views are followed; reshaped when a view changed its rows or columns.</summary>
    private static (int Source, bool Reshaped) Resolve(IReadOnlyList<Layer> layers, int input)
    {
        var reshaped = false;
        while (layers[input].Kind == LayerKind.View && layers[input].Inputs.Length == 1)
        {
            var from = layers[layers[input].Inputs[0]].Output;
            var to = layers[input].Output;
            reshaped |= from.H != to.H || from.W != to.W;
            input = layers[input].Inputs[0];
        }

        return (input, reshaped);
    }

    /// <summary>
    /// An imported layer's window: the kernel rows from its name ("conv3x3"; a pool without a size is taken as
    /// stride x stride, or 3 when it keeps the size), the stride from the shapes, the padding that makes the
    /// shapes agree split evenly (top gets the smaller half). Null for names with three dimensions (3-D).
    /// </summary>
    private static LayerWindow? Infer(Layer layer, TensorShape input)
    {
        var kernel = layer.Kernel;
        if (kernel.Count(c => c == 'x') > 1)
        {
            return null;
        }

        var output = layer.Output;
        if (layer.Kind == LayerKind.ConvTranspose)
        {
            var up = (int)Math.Max(1, output.H / Math.Max(1, input.H));
            var k = KernelRows(kernel) ?? up;
            return new LayerWindow(k, up, Math.Max(0, (int)(((input.H - 1) * up + k - output.H) / 2)), 1, Transposed: true);
        }

        var stride = (int)Math.Max(1, Math.Round(input.H / (double)output.H));
        var rows = KernelRows(kernel) ?? (stride > 1 ? stride : 3);
        var pad = Math.Max(0, (output.H - 1) * stride + rows - input.H);
        return new LayerWindow(rows, stride, (int)(pad / 2), 1);
    }

    private static int? KernelRows(string kernel)
    {
        var x = kernel.IndexOf('x');
        if (x <= 0)
        {
            return null;
        }

        var start = x;
        while (start > 0 && char.IsAsciiDigit(kernel[start - 1]))
        {
            start--;
        }

        return int.TryParse(kernel.AsSpan(start, x - start), out var h) && h > 0 ? h : null;
    }
}
