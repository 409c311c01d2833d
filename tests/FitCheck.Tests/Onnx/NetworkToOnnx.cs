using System.Globalization;
using FitCheck.Graph;

namespace FitCheck.Tests.Onnx;

/// <summary>
/// Writes a FitCheck <see cref="Network"/> (e.g. a zoo model) as an ONNX file, so tests can check that
/// importing it gives the same network: Conv (+ W and B initializers, + Relu/LeakyRelu node for a fused
/// activation), Add, MaxPool/AveragePool, GlobalAveragePool, Flatten + Gemm for fully connected layers,
/// Concat, Resize for upsampling, and standalone activations. Tensors and nodes are named after layers.
/// <para>
/// A layer does not record its stride and padding, so they are recovered from the shapes: padding k/2
/// (the builder's default) with the smallest stride that gives the recorded output, else no padding.
/// Pools try the usual (kernel, stride, pad) combinations. With <paramref name="dynamic"/> the input's
/// N, H and W are dim_params, so the file can be built at any size; the recovery is exact at the size the
/// network was built at.
/// </para>
/// </summary>
internal static class NetworkToOnnx
{
    public static OnnxWriter Convert(Network network, bool dynamic = true)
    {
        var w = new OnnxWriter();
        var input = network.Layers[0].Output;
        w.Input(network.Layers[0].Name, dynamic ? "N" : input.N, input.C, dynamic ? "H" : input.H, dynamic ? "W" : input.W);
        var names = new string[network.Layers.Count];
        names[0] = network.Layers[0].Name;
        foreach (var layer in network.Layers.Skip(1))
        {
            var x = layer.Inputs.Select(i => names[i]).ToArray();
            var inShape = layer.Inputs.Length > 0 ? network.Layers[layer.Inputs[0]].Output : default;
            var n = layer.Name;
            var output = layer.Activation is null ? n : n + "_pre";
            switch (layer.Kind)
            {
                case LayerKind.Convolution:
                    Conv(w, layer, inShape, x[0], output);
                    break;
                case LayerKind.Add:
                    w.Node("Add", x, [output], n);
                    break;
                case LayerKind.Mul:
                    w.Node("Mul", x, [output], n);
                    break;
                case LayerKind.MaxPool:
                case LayerKind.AvgPool:
                    var (k, s, begin, end) = PoolWindow(inShape, layer.Output);
                    w.Node(layer.Kind == LayerKind.MaxPool ? "MaxPool" : "AveragePool", x, [output], n,
                        OnnxAttr.Ints("kernel_shape", k, k), OnnxAttr.Ints("strides", s, s), OnnxAttr.Ints("pads", begin, begin, end, end));
                    break;
                case LayerKind.GlobalAvgPool:
                    w.Node("GlobalAveragePool", x, [output], n);
                    break;
                case LayerKind.FullyConnected:
                    var features = inShape.C * inShape.H * inShape.W;
                    w.Node("Flatten", x, [n + "_flat"], n + "_flatten", OnnxAttr.Int("axis", 1));
                    w.Initializer(n + ".weight", [layer.Output.C, features]);
                    string[] gemmInputs = layer.BiasParameters > 0 ? [n + "_flat", n + ".weight", n + ".bias"] : [n + "_flat", n + ".weight"];
                    if (layer.BiasParameters > 0)
                    {
                        w.Initializer(n + ".bias", [layer.Output.C]);
                    }

                    w.Node("Gemm", gemmInputs, [output], n, OnnxAttr.Int("transB", 1));
                    break;
                case LayerKind.Concat:
                    w.Node("Concat", x, [output], n, OnnxAttr.Int("axis", 1));
                    break;
                case LayerKind.Upsample:
                    var scale = (float)(layer.Output.H / inShape.H);
                    w.Floats(n + ".scales", 1, 1, scale, scale);
                    w.Node("Resize", [x[0], "", n + ".scales"], [output], n, OnnxAttr.String("mode", "nearest"));
                    break;
                case LayerKind.Activation:
                    Activation(w, layer.Kernel, x[0], output, n);
                    break;
                case LayerKind.View when layer.Output == inShape:
                // A single-layer route is just another name for its source.
                case LayerKind.Detection:
                    // Exported detectors end at the head convolutions; the host decodes boxes.
                    names[layer.Index] = x[0];
                    continue;
                default:
                    throw new NotSupportedException($"layer {layer} cannot be written as ONNX by this test helper");
            }

            if (layer.Activation is not null)
            {
                Activation(w, layer.Activation, output, n, n + "_" + layer.Activation);
            }

            names[layer.Index] = n;
        }

        var last = network.Layers[^1];
        object n0 = dynamic ? "N" : last.Output.N;
        if (last.Kind == LayerKind.FullyConnected)
        {
            w.Output(last.Name, n0, last.Output.C);
        }
        else
        {
            w.Output(last.Name, n0, last.Output.C, dynamic ? "OH" : last.Output.H, dynamic ? "OW" : last.Output.W);
        }
        return w;
    }

    private static void Conv(OnnxWriter w, Layer layer, TensorShape x, string input, string output)
    {
        var (kh, kw) = KernelSize(layer.Kernel);
        var filters = layer.Output.C;
        var groups = x.C * filters * kh * kw / layer.WeightParameters;
        var (sh, ph) = ConvWindow(x.H, layer.Output.H, kh);
        var (sw, pw) = ConvWindow(x.W, layer.Output.W, kw);
        var n = layer.Name;
        w.Initializer(n + ".weight", [filters, x.C / groups, kh, kw]);
        string[] inputs = [input, n + ".weight"];
        if (layer.BiasParameters > 0)
        {
            w.Initializer(n + ".bias", [filters]);
            inputs = [.. inputs, n + ".bias"];
        }

        w.Node("Conv", inputs, [output], n,
            OnnxAttr.Ints("kernel_shape", kh, kw), OnnxAttr.Ints("strides", sh, sw), OnnxAttr.Ints("pads", ph, pw, ph, pw),
            OnnxAttr.Int("group", groups));
    }

    private static void Activation(OnnxWriter w, string function, string input, string output, string name)
    {
        switch (function)
        {
            case "relu":
                w.Node("Relu", [input], [output], name);
                break;
            case "leaky":
                w.Node("LeakyRelu", [input], [output], name, OnnxAttr.Float("alpha", 0.1f));
                break;
            case "sigmoid" or "logistic":
                w.Node("Sigmoid", [input], [output], name);
                break;
            default:
                throw new NotSupportedException($"activation '{function}' cannot be written as ONNX by this test helper");
        }
    }

    /// <summary>"conv3x3", "dwconv3x3", "gconv1x7" → (3, 3), (3, 3), (1, 7).</summary>
    private static (long H, long W) KernelSize(string kernel)
    {
        var digits = kernel.TrimStart("abcdefghijklmnopqrstuvwxyz".ToCharArray()).Split('x');
        return (long.Parse(digits[0], CultureInfo.InvariantCulture), long.Parse(digits[1], CultureInfo.InvariantCulture));
    }

    private static (long Stride, long Pad) ConvWindow(long input, long output, long kernel)
    {
        foreach (var pad in new[] { kernel / 2, 0 })
        {
            for (long stride = 1; stride <= Math.Max(kernel, 2) + 1; stride++)
            {
                var span = input + (2 * pad) - kernel;
                if (span >= 0 && (span / stride) + 1 == output)
                {
                    return (stride, pad);
                }
            }
        }

        throw new NotSupportedException($"no stride/padding maps {input} to {output} with a {kernel}-wide kernel");
    }

    private static (long Kernel, long Stride, long Begin, long End) PoolWindow(TensorShape x, TensorShape y)
    {
        (long, long, long, long)[] candidates = [(2, 2, 0, 0), (3, 2, 1, 1), (3, 1, 1, 1), (2, 1, 0, 1), (5, 1, 2, 2), (9, 1, 4, 4), (13, 1, 6, 6), (3, 2, 0, 0), (1, 1, 0, 0)];
        foreach (var (k, s, b, e) in candidates)
        {
            if (Out(x.H, k, s, b + e) == y.H && Out(x.W, k, s, b + e) == y.W)
            {
                return (k, s, b, e);
            }
        }

        throw new NotSupportedException($"no common pooling window maps {x} to {y}");

        static long Out(long size, long k, long s, long pad) => size + pad - k < 0 ? -1 : ((size + pad - k) / s) + 1;
    }
}
