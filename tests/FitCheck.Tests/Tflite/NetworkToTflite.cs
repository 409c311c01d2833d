using System.Globalization;
using FitCheck.Graph;

namespace FitCheck.Tests.Tflite;

/// <summary>
/// Writes a FitCheck <see cref="Network"/> (a zoo model) as a .tflite file, the way the TensorFlow Lite
/// converter lays one out: NHWC tensors with their shapes stored, CONV_2D / DEPTHWISE_CONV_2D with O x KH x KW x I
/// filters and a fused relu or relu6, ADD, pools, MEAN for global pooling, FULLY_CONNECTED, CONCATENATION on the
/// channel axis, RESIZE_NEAREST_NEIGHBOR, standalone activations, SOFTMAX and RESHAPE. Detection heads end the
/// graph at their input, as exported detectors do.
/// </summary>
internal static class NetworkToTflite
{
    public static TfliteWriter Convert(Network network)
    {
        var w = new TfliteWriter();
        var tensor = new int[network.Layers.Count];
        tensor[0] = w.Tensor(network.Layers[0].Name, Nhwc(network.Layers[0].Output));
        w.Inputs(tensor[0]);
        foreach (var layer in network.Layers.Skip(1))
        {
            var x = layer.Inputs.Select(i => tensor[i]).ToArray();
            var inShape = network.Layers[layer.Inputs[0]].Output;
            if (layer.Kind == LayerKind.Detection || (layer.Kind == LayerKind.View && layer.Output == inShape))
            {
                tensor[layer.Index] = x[0];
                continue;
            }

            var fused = layer.Activation switch { "relu" => 1, "relu6" => 3, _ => 0 };
            var separate = layer.Activation is not null && fused == 0 && layer.Kind != LayerKind.Activation;
            var y = w.Tensor(separate ? layer.Name + "/pre" : layer.Name, Nhwc(layer.Output));
            switch (layer.Kind)
            {
                case LayerKind.Convolution:
                    Conv(w, layer, inShape, x[0], y, fused);
                    break;
                case LayerKind.Add:
                    w.Op("ADD", x, [y], TfliteWriter.AddOptions, [(0, 1, fused)]);
                    break;
                case LayerKind.Mul:
                    w.Op("MUL", x, [y]);
                    break;
                case LayerKind.MaxPool:
                case LayerKind.AvgPool:
                    var k = (int)(inShape.H / layer.Output.H);
                    w.Op(layer.Kind == LayerKind.MaxPool ? "MAX_POOL_2D" : "AVERAGE_POOL_2D", x, [y], TfliteWriter.Pool2DOptions, TfliteWriter.PoolOptions(Math.Max(k, 1), Math.Max(k, 1), valid: false));
                    break;
                case LayerKind.GlobalAvgPool:
                    w.Op("MEAN", [x[0], w.Ints(layer.Name + "/axes", 1, 2)], [y], TfliteWriter.ReducerOptions, [(0, 1, 1)]);
                    break;
                case LayerKind.FullyConnected:
                    var features = (int)inShape.ElementsPerItem;
                    var weights = w.Constant(layer.Name + "/weights", [(int)layer.Output.C, features]);
                    var bias = layer.BiasParameters > 0 ? w.Constant(layer.Name + "/bias", [(int)layer.Output.C]) : -1;
                    w.Op("FULLY_CONNECTED", [x[0], weights, bias], [y], TfliteWriter.FullyConnectedOptions, [(0, 1, fused)]);
                    break;
                case LayerKind.Concat:
                    w.Op("CONCATENATION", x, [y], TfliteWriter.ConcatenationOptions, [(0, 4, 3)]);
                    break;
                case LayerKind.Upsample:
                    w.Op("RESIZE_NEAREST_NEIGHBOR", [x[0], w.Ints(layer.Name + "/size", (int)layer.Output.H, (int)layer.Output.W)], [y]);
                    break;
                case LayerKind.Activation:
                    w.Op(ActivationOp(layer.Kernel), x, [y]);
                    break;
                case LayerKind.Softmax:
                    w.Op("SOFTMAX", x, [y]);
                    break;
                case LayerKind.View:
                    w.Op("RESHAPE", [x[0], w.Ints(layer.Name + "/shape", Nhwc(layer.Output))], [y]);
                    break;
                default:
                    throw new NotSupportedException($"layer {layer} cannot be written as TFLite by this test helper");
            }

            if (separate)
            {
                var z = w.Tensor(layer.Name, Nhwc(layer.Output));
                w.Op(ActivationOp(layer.Activation!), [y], [z]);
                y = z;
            }

            tensor[layer.Index] = y;
        }

        w.Outputs(tensor[^1]);
        return w;
    }

    private static void Conv(TfliteWriter w, Layer layer, TensorShape x, int input, int output, int fused)
    {
        var digits = layer.Kernel.TrimStart("abcdefghijklmnopqrstuvwxyz".ToCharArray()).Split('x');
        var (kh, kw) = (int.Parse(digits[0], CultureInfo.InvariantCulture), int.Parse(digits[1], CultureInfo.InvariantCulture));
        var filters = (int)layer.Output.C;
        var stride = (int)Math.Max(1, x.H / layer.Output.H);
        var bias = layer.BiasParameters > 0 ? w.Constant(layer.Name + "/bias", [filters]) : -1;
        if (layer.Kernel.StartsWith("dwconv", StringComparison.Ordinal))
        {
            var f = w.Constant(layer.Name + "/filter", [1, kh, kw, filters]);
            w.Op("DEPTHWISE_CONV_2D", [input, f, bias], [output], TfliteWriter.DepthwiseConv2DOptions, TfliteWriter.DepthwiseOptions(stride, activation: fused));
        }
        else
        {
            var perGroup = (int)(layer.WeightParameters / ((long)filters * kh * kw));
            var f = w.Constant(layer.Name + "/filter", [filters, kh, kw, perGroup]);
            w.Op("CONV_2D", [input, f, bias], [output], TfliteWriter.Conv2DOptions, TfliteWriter.ConvOptions(stride, activation: fused));
        }
    }

    private static string ActivationOp(string function) => function switch
    {
        "relu" => "RELU",
        "relu6" => "RELU6",
        "leaky" => "LEAKY_RELU",
        "logistic" or "sigmoid" => "LOGISTIC",
        "hardswish" or "hard_swish" => "HARD_SWISH",
        _ => throw new NotSupportedException($"activation '{function}' cannot be written as TFLite by this test helper"),
    };

    private static int[] Nhwc(TensorShape s) => [(int)s.N, (int)s.H, (int)s.W, (int)s.C];
}
