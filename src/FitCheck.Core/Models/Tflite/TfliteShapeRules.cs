using System.Globalization;

namespace FitCheck.Models.Tflite;

/// <summary>
/// How operators are costed and how their output shapes follow from their inputs, in TensorFlow Lite's NHWC
/// layout. MACs count one multiply-accumulate per weight per output position, as the zoo and ONNX importer
/// count them: a convolution is output elements x KH x KW x input channels per group. Shape rules are used
/// only when an input is dynamic and resized; a file's stored shapes are its truth otherwise.
/// </summary>
internal static class TfliteShapeRules
{
    private const long SamePadding = 0;

    public static long ConvMacs(TfliteOpContext c)
    {
        var f = Filter(c, 1);
        return checked(Elements(c.Out[0]) * f[1] * f[2] * f[3]);
    }

    public static long DepthwiseMacs(TfliteOpContext c)
    {
        var f = Filter(c, 1);
        return checked(Elements(c.Out[0]) * f[1] * f[2]);
    }

    /// <summary>Each input element is scattered through the whole O x KH x KW filter.</summary>
    public static long TransposeMacs(TfliteOpContext c, int data, int filter)
    {
        var f = Filter(c, filter);
        return checked(Elements(c.In(data)) * f[0] * f[1] * f[2]);
    }

    public static long DenseMacs(TfliteOpContext c)
    {
        var f = c.In(1);
        if (f.Length != 2)
        {
            throw c.Fail($"weights {TfliteOpContext.Format(f)} are not a matrix");
        }

        return checked(Elements(c.Out[0]) * f[1]);
    }

    public static long MatMulMacs(TfliteOpContext c)
    {
        var a = c.In(0);
        if (a.Length < 2)
        {
            throw c.Fail($"operand {TfliteOpContext.Format(a)} is not a matrix");
        }

        var k = c.Option(0) != 0 ? a[^2] : a[^1];
        return checked(Elements(c.Out[0]) * k);
    }

    /// <summary>Per time step, every gate matrix (input-to-gate, recurrent, peephole, projection) is applied once.</summary>
    public static long LstmMacs(TfliteOpContext c)
    {
        var x = c.In(0);
        if (x.Length < 2 || x[^1] == 0)
        {
            throw c.Fail($"input {TfliteOpContext.Format(x)} is not a sequence");
        }

        var steps = Elements(x) / x[^1];
        long perStep = 0;
        foreach (var slot in (int[])[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16])
        {
            if (c.Has(slot))
            {
                perStep = checked(perStep + Elements(c.In(slot)));
            }
        }

        return checked(steps * perStep);
    }

    public static string Window(string prefix, long[] filter, int first) =>
        filter.Length == 4 ? string.Create(CultureInfo.InvariantCulture, $"{prefix}{filter[first]}x{filter[first + 1]}") : prefix;

    public static long[][] Same(TfliteOpContext c) => [c.In(0)];

    public static long[][] Conv(TfliteOpContext c)
    {
        var (x, f) = (Image(c, 0), Filter(c, 1));
        return [[x[0], Size(c, x[1], f[1], c.Option(2, 1), c.Option(5, 1)), Size(c, x[2], f[2], c.Option(1, 1), c.Option(4, 1)), f[0]]];
    }

    public static long[][] Depthwise(TfliteOpContext c)
    {
        var (x, f) = (Image(c, 0), Filter(c, 1));
        return [[x[0], Size(c, x[1], f[1], c.Option(2, 1), c.Option(6, 1)), Size(c, x[2], f[2], c.Option(1, 1), c.Option(5, 1)), f[3]]];
    }

    public static long[][] Pool(TfliteOpContext c)
    {
        var x = Image(c, 0);
        return [[x[0], Size(c, x[1], c.Option(4, 1), c.Option(2, 1), 1), Size(c, x[2], c.Option(3, 1), c.Option(1, 1), 1), x[3]]];
    }

    public static long[][] Transpose(TfliteOpContext c, int data, int filter)
    {
        var (x, f) = (Image(c, data), Filter(c, filter));
        long Up(long size, long k, long stride) => c.Option(0) == SamePadding ? checked(size * stride) : checked(((size - 1) * stride) + k);
        return [[x[0], Up(x[1], f[1], Math.Max(1, c.Option(2, 1))), Up(x[2], f[2], Math.Max(1, c.Option(1, 1))), f[0]]];
    }

    public static long[][] Dense(TfliteOpContext c)
    {
        var (x, f) = (c.In(0), c.In(1));
        if (f.Length != 2 || f[1] == 0 || Elements(x) % f[1] != 0)
        {
            throw c.Fail($"weights {TfliteOpContext.Format(f)} do not fit input {TfliteOpContext.Format(x)}");
        }

        return c.Option(2) != 0 && x.Length > 0 ? [[.. x[..^1], f[0]]] : [[Elements(x) / f[1], f[0]]];
    }

    public static long[][] Broadcast(TfliteOpContext c)
    {
        var result = c.In(0);
        for (var slot = 1; slot < c.InputCount; slot++)
        {
            var b = c.In(slot);
            var rank = Math.Max(result.Length, b.Length);
            var next = new long[rank];
            for (var i = 0; i < rank; i++)
            {
                var x = i - (rank - result.Length) is var ia and >= 0 ? result[ia] : 1;
                var y = i - (rank - b.Length) is var ib and >= 0 ? b[ib] : 1;
                if (x != y && x != 1 && y != 1)
                {
                    throw c.Fail($"cannot broadcast {TfliteOpContext.Format(result)} with {TfliteOpContext.Format(b)}");
                }

                next[i] = x == 1 ? y : x;
            }

            result = next;
        }

        return [result];
    }

    public static long[][] Reduce(TfliteOpContext c)
    {
        var x = c.In(0);
        var axes = c.Values(1) ?? throw c.Fail("the reduction axes are not a constant");
        var reduced = new bool[x.Length];
        foreach (var a in axes)
        {
            var axis = a < 0 ? a + x.Length : a;
            if (axis < 0 || axis >= x.Length)
            {
                throw c.Fail($"axis {a} is out of range for {TfliteOpContext.Format(x)}");
            }

            reduced[axis] = true;
        }

        var keep = c.Option(0) != 0;
        return [x.Select((d, i) => reduced[i] ? keep ? 1 : -1 : d).Where(d => d >= 0).ToArray()];
    }

    public static long[][] Reshape(TfliteOpContext c)
    {
        var x = c.In(0);
        var shape = c.Values(1) ?? throw c.Fail("the new shape is not a constant, so it cannot follow a resized input");
        var known = 1L;
        var unknown = -1;
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1 && unknown < 0)
            {
                unknown = i;
            }
            else if (shape[i] < 0)
            {
                throw c.Fail($"new shape {TfliteOpContext.Format(shape)} has more than one -1 or a negative size");
            }
            else
            {
                known = checked(known * shape[i]);
            }
        }

        var total = Elements(x);
        var result = (long[])shape.Clone();
        if (unknown >= 0 && known > 0 && total % known == 0)
        {
            result[unknown] = total / known;
        }

        if (Elements(result) != total)
        {
            throw c.Fail($"cannot view {TfliteOpContext.Format(x)} as {TfliteOpContext.Format(shape)}");
        }

        return [result];
    }

    public static long[][] Concat(TfliteOpContext c)
    {
        var first = c.In(0);
        var a = c.Option(0);
        var axis = a < 0 ? a + first.Length : a;
        if (axis < 0 || axis >= first.Length)
        {
            throw c.Fail($"axis {c.Option(0)} is out of range for {TfliteOpContext.Format(first)}");
        }

        var result = (long[])first.Clone();
        for (var slot = 1; slot < c.InputCount; slot++)
        {
            var x = c.In(slot);
            if (x.Length != first.Length)
            {
                throw c.Fail($"cannot concatenate {TfliteOpContext.Format(first)} with {TfliteOpContext.Format(x)}");
            }

            result[axis] = checked(result[axis] + x[axis]);
        }

        return [result];
    }

    public static long[][] Pad(TfliteOpContext c)
    {
        var x = c.In(0);
        var pads = c.Values(1) ?? throw c.Fail("the paddings are not a constant");
        if (pads.Length != 2 * x.Length)
        {
            throw c.Fail($"{pads.Length} paddings for a rank-{x.Length} tensor");
        }

        return [x.Select((d, i) => checked(d + pads[2 * i] + pads[(2 * i) + 1])).ToArray()];
    }

    public static long[][] Block(TfliteOpContext c, bool toSpace)
    {
        var x = Image(c, 0);
        var b = c.Option(0);
        if (b <= 0 || (toSpace ? x[3] % (b * b) != 0 : x[1] % b != 0 || x[2] % b != 0))
        {
            throw c.Fail($"block size {b} does not divide {TfliteOpContext.Format(x)}");
        }

        return toSpace
            ? [[x[0], checked(x[1] * b), checked(x[2] * b), x[3] / (b * b)]]
            : [[x[0], x[1] / b, x[2] / b, checked(x[3] * b * b)]];
    }

    public static long[][] Resize(TfliteOpContext c)
    {
        var x = Image(c, 0);
        var size = c.Values(1) ?? throw c.Fail("the output size is not a constant");
        if (size.Length != 2 || size[0] <= 0 || size[1] <= 0)
        {
            throw c.Fail($"output size {TfliteOpContext.Format(size)} is not a height and a width");
        }

        return [[x[0], size[0], size[1], x[3]]];
    }

    public static string? DetectionNote(TfliteOpContext c)
    {
        var o = c.Op.CustomOptions;
        string Get(string key) => o.TryGetValue(key, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "?";
        return $"{c.Op.Display}: detection post-processing (non-maximum suppression) bounded by its attributes: "
            + $"max_detections {Get("max_detections")}, max_classes_per_detection {Get("max_classes_per_detection")}, num_classes {Get("num_classes")}; "
            + "it has no MACs and its anchors are counted as constants";
    }

    public static string? EdgeTpuNote(TfliteOpContext c) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{c.Op.Display}: this model is already compiled for the Edge TPU; the operator's {c.Op.CustomOptionsBytes} bytes of custom options (the compiled executable, parameters included) are reported as its weights, with no parameter or MAC counts. For the layer-by-layer analysis, give FitCheck the .tflite from before edgetpu_compiler.");

    public static string? EthosUNote(TfliteOpContext c)
    {
        var stream = c.Has(0) ? Elements(c.In(0)) : 0;
        var weights = c.Has(1) ? Elements(c.In(1)) : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{c.Op.Display}: this model is already compiled by Vela for Arm Ethos-U; its command stream ({stream} bytes) and weights ({weights} bytes) are reported as weights, with no parameter or MAC counts. For the layer-by-layer analysis, give FitCheck the .tflite from before Vela.");
    }

    private static long Elements(long[] dims) => TfliteOpContext.Elements(dims);

    private static long[] Filter(TfliteOpContext c, int slot)
    {
        var f = c.In(slot);
        if (f.Length != 4)
        {
            throw c.Fail($"filter {TfliteOpContext.Format(f)} is not O x KH x KW x I");
        }

        return f;
    }

    private static long[] Image(TfliteOpContext c, int slot)
    {
        var x = c.In(slot);
        if (x.Length != 4)
        {
            throw c.Fail($"input {TfliteOpContext.Format(x)} is not N x H x W x C");
        }

        return x;
    }

    /// <summary>TensorFlow's SAME padding: ceil(in / stride); VALID: ceil((in - dilated kernel + 1) / stride).</summary>
    private static long Size(TfliteOpContext c, long input, long kernel, long stride, long dilation)
    {
        if (stride <= 0 || dilation <= 0 || kernel <= 0)
        {
            throw c.Fail($"kernel {kernel}, stride {stride} and dilation {dilation} must be positive");
        }

        if (c.Option(0) == SamePadding)
        {
            return (input + stride - 1) / stride;
        }

        var span = input - (((kernel - 1) * dilation) + 1) + 1;
        if (span <= 0)
        {
            throw c.Fail($"a {kernel}-wide window does not fit an input of {input}");
        }

        return (span + stride - 1) / stride;
    }
}
