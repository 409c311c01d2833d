using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Darknet;

/// <summary>
/// Adds one checked Darknet section to a <see cref="NetworkBuilder"/> with the output shape and cost of
/// Darknet's own layer (src/*_layer.c of pjreddie/darknet and AlexeyAB/darknet) at inference:
/// <list type="bullet">
/// <item>Parameters count batch norm folded (one bias per output) and weights shared with another layer once.</item>
/// <item>MACs are multiply-accumulates per inference: Darknet's BFLOPs / 2 for convolutions and connected layers;
/// locally connected, transposed and recurrent layers count one MAC per weight use; a weighted [shortcut] one per
/// input element, LRN size per element, batch norm and L2 norm one per element; pooling, copies and views none.</item>
/// <item>Layers that only act in training ([cost], [contrastive], [dropout]) are views of their input.</item>
/// </list>
/// <paramref name="previous"/> is the builder index of the layer before; Darknet layer i is builder layer i + 1.
/// </summary>
internal static class DarknetSections
{
    public static void Add(NetworkBuilder b, DarknetLayer l, int previous)
    {
        switch (l.Kind)
        {
            case DarknetLayerKind.Convolutional:
                Convolutional(b, l, previous);
                break;
            case DarknetLayerKind.Deconvolutional:
                b.ConvTranspose(previous, l.Filters, l.Size, l.StrideX, l.Pad, groups: 1, bias: true, activation: l.Activation, name: $"deconv{b.Count}");
                break;
            case DarknetLayerKind.Local:
                Local(b, l, previous);
                break;
            case DarknetLayerKind.MaxPool:
                Pool(b, l, previous, LayerKind.MaxPool);
                break;
            case DarknetLayerKind.LocalAvgPool:
                Pool(b, l, previous, LayerKind.AvgPool);
                break;
            case DarknetLayerKind.AvgPool:
                b.GlobalAvgPool(previous);
                break;
            case DarknetLayerKind.Shortcut:
                Shortcut(b, l, previous);
                break;
            case DarknetLayerKind.Route:
                Route(b, l);
                break;
            case DarknetLayerKind.Upsample when l.Reverse:
                // Darknet's downsampling sums each stride x stride block: a pooling window without padding.
                b.Pool(previous, LayerKind.AvgPool, l.StrideX, l.StrideX, 0, 0, $"downsample{b.Count}");
                break;
            case DarknetLayerKind.Upsample:
                b.Upsample(previous, l.StrideX);
                break;
            case DarknetLayerKind.Yolo:
            case DarknetLayerKind.Region:
            case DarknetLayerKind.Detection:
            case DarknetLayerKind.ISeg:
                b.Custom(LayerKind.Detection, l.Kind.ToString().ToLowerInvariant(), [previous], b.Shape(previous));
                break;
            case DarknetLayerKind.Connected:
                b.FullyConnected(previous, l.Filters, bias: true, activation: l.Activation);
                break;
            case DarknetLayerKind.Dropout:
            case DarknetLayerKind.Cost:
            case DarknetLayerKind.Contrastive:
            case DarknetLayerKind.Empty:
                b.View(previous, b.Shape(previous), $"{l.Kind.ToString().ToLowerInvariant()}{b.Count}");
                break;
            case DarknetLayerKind.Softmax:
                b.Custom(LayerKind.Softmax, "softmax", [previous], b.Shape(previous));
                break;
            case DarknetLayerKind.Reorg:
                Reorg(b, l, previous);
                break;
            case DarknetLayerKind.Crop:
                Crop(b, l, previous);
                break;
            case DarknetLayerKind.BatchNorm:
                var c = b.Shape(previous).C;
                b.Custom(LayerKind.Normalization, "batchnorm", [previous], b.Shape(previous), c, c, b.Shape(previous).Elements);
                break;
            case DarknetLayerKind.Normalization:
                b.Custom(LayerKind.Normalization, "lrn", [previous], b.Shape(previous), macs: checked(b.Shape(previous).Elements * l.Size));
                break;
            case DarknetLayerKind.L2Norm:
                b.Custom(LayerKind.Normalization, "l2norm", [previous], b.Shape(previous), macs: b.Shape(previous).Elements);
                break;
            case DarknetLayerKind.Activation when l.Activation is null:
                b.View(previous, b.Shape(previous), $"linear{b.Count}");
                break;
            case DarknetLayerKind.Activation:
                b.Activation(previous, l.Activation);
                break;
            case DarknetLayerKind.Logistic:
                b.Activation(previous, "logistic");
                break;
            case DarknetLayerKind.Rnn:
            case DarknetLayerKind.Gru:
            case DarknetLayerKind.Lstm:
                Recurrent(b, l, previous);
                break;
            case DarknetLayerKind.Crnn:
            case DarknetLayerKind.ConvLstm:
                ConvRecurrent(b, l, previous);
                break;
            case DarknetLayerKind.History:
                var h = b.Shape(previous);
                b.Custom(LayerKind.Copy, "history", [previous], h with { C = checked(h.C * l.Count) });
                break;
            case DarknetLayerKind.Sam:
                b.Elementwise(LayerKind.Mul, "mul", [previous, l.Sources[0] + 1], l.Activation, $"sam{b.Count}");
                break;
            case DarknetLayerKind.ScaleChannels:
                ScaleChannels(b, l, previous);
                break;
            case DarknetLayerKind.Implicit:
                // A learned tensor that reads no input: filters x atoms values, all weights.
                var n = b.Shape(previous).N;
                b.Custom(LayerKind.Copy, "implicit", [], new TensorShape(n, l.Filters, l.Count, 1), weights: checked(l.Filters * l.Count));
                break;
            default:
                throw new InvalidOperationException($"Darknet section kind {l.Kind} has no builder");
        }
    }

    private static void Convolutional(NetworkBuilder b, DarknetLayer l, int previous)
    {
        if (!l.SharesWeights)
        {
            var pad = checked(l.Pad * l.Dilation);
            b.Conv(previous, l.Filters, l.Size, l.Size, l.StrideY, l.StrideX, pad, pad, pad, pad, l.Dilation, l.Dilation,
                l.Groups, bias: true, l.Activation, null);
            return;
        }

        // Same shape and MACs as an ordinary convolution; the weights and biases belong to the layer shared.
        var x = b.Shape(previous);
        var name = $"conv{b.Count}";
        RequireGroups(b, name, x.C, l.Groups);
        var output = new TensorShape(x.N, l.Filters, ConvSize(b, name, x.H, l.Size, l.StrideY, l.Pad, l.Dilation),
            ConvSize(b, name, x.W, l.Size, l.StrideX, l.Pad, l.Dilation));
        var macs = checked(output.Elements * (x.C / l.Groups) * l.Size * l.Size);
        b.Custom(LayerKind.Convolution, $"conv{l.Size}x{l.Size}", [previous], output, macs: macs, name: name, activation: l.Activation);
    }

    /// <summary>Locally connected: a convolution whose weights differ at every output position (local_layer.c).</summary>
    private static void Local(NetworkBuilder b, DarknetLayer l, int previous)
    {
        var x = b.Shape(previous);
        var name = $"local{b.Count}";
        var outH = LocalSize(b, name, x.H, l);
        var outW = LocalSize(b, name, x.W, l);
        var locations = checked(outH * outW);
        var weights = checked(x.C * l.Filters * l.Size * l.Size * locations);
        b.Custom(LayerKind.Convolution, $"local{l.Size}x{l.Size}", [previous], new TensorShape(x.N, l.Filters, outH, outW),
            weights, biases: checked(locations * l.Filters), macs: checked(x.N * weights), name: name, activation: l.Activation);
    }

    private static long LocalSize(NetworkBuilder b, string name, long input, DarknetLayer l)
    {
        var span = l.Pad == 1 ? input - 1 : input - l.Size;
        return span >= 0 ? (span / l.StrideX) + 1 : Fail(b, name, $"a {l.Size}-wide window does not fit an input of {input}");
    }

    private static void Pool(NetworkBuilder b, DarknetLayer l, int previous, LayerKind kind)
    {
        var x = b.Shape(previous);
        var name = $"{(kind == LayerKind.MaxPool ? "maxpool" : "avgpool")}{b.Count}";
        if (l.PoolDepth)
        {
            b.Custom(kind, "maxpool", [previous], x with { C = l.Filters }, name: name);
            return;
        }

        if (l.StrideX == l.StrideY)
        {
            b.Pool(previous, kind, l.Size, l.StrideX, padBegin: l.Pad / 2, padEnd: l.Pad - (l.Pad / 2), name);
            return;
        }

        // maxpool_layer.c: out = (in + padding − size) / stride + 1 on each axis with its own stride.
        var outH = PoolSize(b, name, x.H, l.Size, l.StrideY, l.Pad);
        var outW = PoolSize(b, name, x.W, l.Size, l.StrideX, l.Pad);
        b.Custom(kind, kind == LayerKind.MaxPool ? "maxpool" : "avgpool", [previous], x with { H = outH, W = outW }, name: name);
    }

    private static long PoolSize(NetworkBuilder b, string name, long input, int size, int stride, int pad)
    {
        var span = input + pad - size;
        return span >= 0 ? (span / stride) + 1 : Fail(b, name, $"a {size}-wide window does not fit an input of {input} (padding {pad})");
    }

    /// <summary>
    /// Darknet's shortcut keeps the previous layer's shape and adds the part each source overlaps: the first
    /// min(C) channels, sampled with an integer stride when the maps differ in size (pjreddie's ResNet-18/34).
    /// </summary>
    private static void Shortcut(NetworkBuilder b, DarknetLayer l, int previous)
    {
        var x = b.Shape(previous);
        var sources = l.Sources.Select(s => s + 1).ToArray();
        var name = $"add{b.Count}";
        foreach (var s in sources)
        {
            var y = b.Shape(s);
            if (y.N != x.N || !IntegerRatio(x.H, x.W, y.H, y.W))
            {
                Fail(b, name, $"cannot add {y} to {x}: the maps differ in size by other than one whole factor on both axes");
            }
        }

        var inputs = (int[])[previous, .. sources];
        var weights = l.ShortcutWeights switch
        {
            ShortcutWeights.PerFeature => inputs.Length,
            ShortcutWeights.PerChannel => checked(inputs.Length * x.C),
            _ => 0L,
        };
        if (weights == 0 && sources.All(s => b.Shape(s) == x))
        {
            b.Elementwise(LayerKind.Add, "add", inputs, l.Activation, name);
            return;
        }

        var macs = weights == 0 ? 0 : checked(inputs.Length * x.Elements);
        b.Custom(LayerKind.Add, "add", inputs, x, weights: weights, macs: macs, name: name, activation: l.Activation);
    }

    private static bool IntegerRatio(long h1, long w1, long h2, long w2) =>
        (h1 >= h2 && w1 >= w2 && h1 % h2 == 0 && w1 % w2 == 0 && h1 / h2 == w1 / w2)
        || (h2 >= h1 && w2 >= w1 && h2 % h1 == 0 && w2 % w1 == 0 && h2 / h1 == w2 / w1);

    private static void Route(NetworkBuilder b, DarknetLayer l)
    {
        var inputs = l.Sources.Select(s => s + 1).ToArray();
        if (l.Groups == 1)
        {
            _ = inputs.Length == 1 ? b.View(inputs[0], b.Shape(inputs[0])) : b.Concat(inputs);
            return;
        }

        // AlexeyAB's grouped route (CSP, YOLOv4-tiny) copies channel group group_id of each input.
        var name = $"slice{b.Count}";
        var first = b.Shape(inputs[0]);
        long channels = 0;
        foreach (var i in inputs)
        {
            var s = b.Shape(i);
            if (s.C % l.Groups != 0)
            {
                Fail(b, name, $"{s.C} channels do not split into {l.Groups} groups");
            }

            if (s.N != first.N || s.H != first.H || s.W != first.W)
            {
                Fail(b, name, $"cannot concatenate {first} with {s}: spatial sizes differ");
            }

            channels = checked(channels + (s.C / l.Groups));
        }

        b.Custom(LayerKind.Copy, "slice", inputs, first with { C = channels }, name: name);
    }

    /// <summary>Space-to-depth (or depth-to-space when reversed); extra= flattens and appends values (pjreddie's go.cfg).</summary>
    private static void Reorg(NetworkBuilder b, DarknetLayer l, int previous)
    {
        var x = b.Shape(previous);
        var s = l.StrideX;
        var name = $"reorg{b.Count}";
        if (l.Extra > 0)
        {
            b.Custom(LayerKind.Copy, "reorg", [previous], new TensorShape(x.N, checked((x.C * x.H * x.W) + l.Extra), 1, 1), name: name);
            return;
        }

        var blocks = checked(s * s);
        if (l.Reverse)
        {
            if (x.C % blocks != 0)
            {
                Fail(b, name, $"{x.C} channels do not regroup into {s}x{s} blocks");
            }

            b.Custom(LayerKind.Copy, "reorg", [previous], new TensorShape(x.N, x.C / blocks, checked(x.H * s), checked(x.W * s)), name: name);
            return;
        }

        if (x.H % s != 0 || x.W % s != 0)
        {
            Fail(b, name, $"a {x.H}x{x.W} map does not split into {s}x{s} blocks");
        }

        b.Custom(LayerKind.Copy, "reorg", [previous], new TensorShape(x.N, checked(x.C * blocks), x.H / s, x.W / s), name: name);
    }

    /// <summary>At inference Darknet's crop takes the centre crop_height x crop_width of its input.</summary>
    private static void Crop(NetworkBuilder b, DarknetLayer l, int previous)
    {
        var x = b.Shape(previous);
        var name = $"crop{b.Count}";
        if (l.CropHeight > x.H || l.CropWidth > x.W)
        {
            Fail(b, name, $"cannot crop {l.CropWidth}x{l.CropHeight} out of a {x.W}x{x.H} map; the input must be at least the crop size");
        }

        b.Custom(LayerKind.Copy, "crop", [previous], x with { H = l.CropHeight, W = l.CropWidth }, name: name);
    }

    /// <summary>
    /// [rnn] is three connected layers (input→hidden, hidden→hidden, hidden→output), [gru] six and [lstm] eight
    /// (one input→output and one output→output per gate), each with a bias per output, run once per step.
    /// </summary>
    private static void Recurrent(NetworkBuilder b, DarknetLayer l, int previous)
    {
        var x = b.Shape(previous);
        var inputs = checked(x.C * x.H * x.W);
        var o = l.Filters;
        var (weights, biases) = l.Kind switch
        {
            DarknetLayerKind.Rnn => (checked((inputs * l.Hidden) + (l.Hidden * l.Hidden) + (l.Hidden * o)), checked((2 * l.Hidden) + o)),
            DarknetLayerKind.Gru => (checked(3 * ((inputs * o) + (o * o))), checked(6 * o)),
            _ => (checked(4 * ((inputs * o) + (o * o))), checked(8 * o)),
        };
        var kernel = l.Kind.ToString().ToLowerInvariant();
        b.Custom(LayerKind.FullyConnected, kernel, [previous], new TensorShape(x.N, o, 1, 1), weights, biases, checked(x.N * weights),
            $"{kernel}{b.Count}", l.Activation);
    }

    /// <summary>
    /// [crnn]: three convolutions (input→hidden, hidden→hidden, hidden→output). [conv_lstm]: four input→output
    /// convolutions, four output→output (one of 2·output→output with bottleneck=1) and three more with peephole=1.
    /// All share size, stride, padding and groups and run on the input's map.
    /// </summary>
    private static void ConvRecurrent(NetworkBuilder b, DarknetLayer l, int previous)
    {
        var x = b.Shape(previous);
        var kernel = l.Kind.ToString().ToLowerInvariant();
        var name = $"{kernel}{b.Count}";
        var o = l.Filters;
        var g = l.Groups;
        long area = (long)l.Size * l.Size;
        long weights;
        long convs;
        if (l.Kind == DarknetLayerKind.Crnn)
        {
            RequireGroups(b, name, x.C, g);
            RequireGroups(b, name, l.Hidden, g);
            weights = checked(((x.C / g * l.Hidden) + (l.Hidden / g * l.Hidden) + (l.Hidden / g * o)) * area);
            var biases = checked((2 * l.Hidden) + o);
            var shape = ConvOutput(b, name, x, o, l);
            b.Custom(LayerKind.Convolution, kernel, [previous], shape, weights, biases, checked(shape.N * shape.H * shape.W * weights), name, l.Activation);
            return;
        }

        RequireGroups(b, name, x.C, g);
        RequireGroups(b, name, o, g);
        var state = l.Bottleneck ? checked(2 * o / g * o) : checked(4 * (o / g * o));
        var peephole = l.Peephole ? checked(3 * (o / g * o)) : 0;
        weights = checked(((4 * (x.C / g * o)) + state + peephole) * area);
        convs = 4 + (l.Bottleneck ? 1 : 4) + (l.Peephole ? 3 : 0);
        var output = ConvOutput(b, name, x, o, l);
        b.Custom(LayerKind.Convolution, kernel, [previous], output, weights, checked(convs * o),
            checked(output.N * output.H * output.W * weights), name, l.Activation);
    }

    private static TensorShape ConvOutput(NetworkBuilder b, string name, TensorShape x, long filters, DarknetLayer l) =>
        new(x.N, filters, ConvSize(b, name, x.H, l.Size, l.StrideY, l.Pad, l.Dilation), ConvSize(b, name, x.W, l.Size, l.StrideX, l.Pad, l.Dilation));

    /// <summary>
    /// The previous layer holds the scales: one per channel of the source map (squeeze-excitation), or one per
    /// position with scale_wh=1; the output is the source map scaled.
    /// </summary>
    private static void ScaleChannels(NetworkBuilder b, DarknetLayer l, int previous)
    {
        var scale = b.Shape(previous);
        var source = l.Sources[0] + 1;
        var map = b.Shape(source);
        var name = $"scale{b.Count}";
        var fits = l.ScaleSpatial
            ? scale.C == 1 && scale.H == map.H && scale.W == map.W
            : scale.C == map.C && scale.H == 1 && scale.W == 1;
        if (!fits || scale.N != map.N)
        {
            Fail(b, name, l.ScaleSpatial
                ? $"scale_wh=1 needs a 1 x H x W scale for {map}, not {scale}"
                : $"needs one scale per channel of {map} (a C x 1 x 1 map), not {scale}");
        }

        b.Elementwise(LayerKind.Mul, "mul", [source, previous], l.Activation, name);
    }

    /// <summary>
    /// AlexeyAB pads pad × dilation (cuDNN's descriptor), so a dilated "same" convolution keeps its map, as its
    /// convolutional_out_height, which ignores dilation, assumes.
    /// </summary>
    private static long ConvSize(NetworkBuilder b, string name, long input, int size, int stride, int pad, int dilation)
    {
        var span = input + (2L * pad * dilation) - (((long)size - 1) * dilation) - 1;
        return span >= 0 ? (span / stride) + 1 : Fail(b, name, $"a {size}-wide kernel does not fit an input of {input} (padding {pad})");
    }

    private static void RequireGroups(NetworkBuilder b, string name, long channels, int groups)
    {
        if (channels % groups != 0)
        {
            Fail(b, name, $"{channels} channels do not split into {groups} groups");
        }
    }

    private static long Fail(NetworkBuilder b, string layer, string reason) =>
        throw new FitCheckException(DiagnosticCatalog.ShapeError(b.Name, layer, reason));
}
