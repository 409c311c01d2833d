namespace FitCheck.Tests.Tflite;

/// <summary>Small networks written as .tflite files, shared by the import, error and fuzz tests.</summary>
internal static class TfliteModels
{
    /// <summary>
    /// 8x8x3 float input → CONV_2D 3x3x16 SAME + relu → DEPTHWISE 3x3 stride 2 → MEAN over H, W → RESHAPE → FULLY_CONNECTED 10
    /// → SOFTMAX. By hand: parameters 16·27+16 + 9·16+16 + 10·16+10 = 778; MACs 8·8·16·27 + 4·4·16·9 + 10·16 = 30112;
    /// weight bytes 778·4 + the two int32[2] constants (axes, new shape) = 3128.
    /// </summary>
    public static TfliteWriter SmallConvNet(int[]? inputSignature = null, sbyte type = TfliteWriter.Float32)
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 8, 8, 3], type, signature: inputSignature);
        var f1 = w.Constant("conv/filter", [16, 3, 3, 3], type);
        var b1 = w.Constant("conv/bias", [16], type == TfliteWriter.Int8 ? TfliteWriter.Int32 : type);
        var y1 = w.Tensor("conv", [1, 8, 8, 16], type);
        w.Op("CONV_2D", [x, f1, b1], [y1], TfliteWriter.Conv2DOptions, TfliteWriter.ConvOptions(activation: 1));
        var f2 = w.Constant("dw/filter", [1, 3, 3, 16], type);
        var b2 = w.Constant("dw/bias", [16], type == TfliteWriter.Int8 ? TfliteWriter.Int32 : type);
        var y2 = w.Tensor("dw", [1, 4, 4, 16], type);
        w.Op("DEPTHWISE_CONV_2D", [y1, f2, b2], [y2], TfliteWriter.DepthwiseConv2DOptions, TfliteWriter.DepthwiseOptions(stride: 2));
        var axes = w.Ints("mean/axes", 1, 2);
        var y3 = w.Tensor("mean", [1, 1, 1, 16], type);
        w.Op("MEAN", [y2, axes], [y3], TfliteWriter.ReducerOptions, [(0, 1, 1)]);
        var shape = w.Ints("flatten/shape", 1, 16);
        var y4 = w.Tensor("flatten", [1, 16], type);
        w.Op("RESHAPE", [y3, shape], [y4]);
        var f5 = w.Constant("fc/weights", [10, 16], type);
        var b5 = w.Constant("fc/bias", [10], type == TfliteWriter.Int8 ? TfliteWriter.Int32 : type);
        var y5 = w.Tensor("fc", [1, 10], type);
        w.Op("FULLY_CONNECTED", [y4, f5, b5], [y5], TfliteWriter.FullyConnectedOptions, []);
        var y6 = w.Tensor("probabilities", [1, 10], type);
        w.Op("SOFTMAX", [y5], [y6]);
        w.Inputs(x);
        w.Outputs(y6);
        return w;
    }
}
