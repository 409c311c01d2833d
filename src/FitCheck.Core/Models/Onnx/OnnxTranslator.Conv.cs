using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>Convolutions (float, QLinear and integer forms), transposed convolutions and batch norm folding.</summary>
internal sealed partial class OnnxTranslator
{
    private void Conv(int xInput, int wInput, int bInput)
    {
        var x = Tensor(xInput);
        var w = Constant(wInput, "weights");
        var bias = bInput >= 0 ? OptionalValue(bInput) : null;
        if (bias is { IsConstant: false })
        {
            throw Invalid($"the bias must be an initializer");
        }

        var rank = x.Rank;
        if (rank < 3 || w.Rank != rank)
        {
            throw Invalid($"input {OnnxShapes.Format(x.Dims)} and weights {OnnxShapes.Format(w.Dims)} are not N x C x spatial and F x C/group x kernel");
        }

        var group = _node.Int("group", 1);
        var filters = w.Dims[0];
        if (group <= 0 || group > int.MaxValue || checked(w.Dims[1] * group) != x.Dims[1])
        {
            throw ShapeError($"weights {OnnxShapes.Format(w.Dims)} in {group} group(s) do not match {x.Dims[1]} input channels");
        }

        if (bias is not null && bias.Elements != filters)
        {
            throw Invalid($"bias has {bias.Elements} values for {filters} filters");
        }

        var spatial = rank - 2;
        var kernel = w.Dims[2..];
        var window = Window(x.Dims, kernel, spatial);
        var foldsBatchNorm = FoldedBatchNorm();
        if (spatial > 2)
        {
            VolumeConv(x, w, window, filters, group, bias is not null || foldsBatchNorm is not null);
        }
        else
        {
            var layer2d = _b.Conv(x.Layer, filters,
                ToInt(kernel[0], "kernel size"), spatial == 2 ? ToInt(kernel[1], "kernel size") : 1,
                window.Strides[0], window.Strides[1], window.PadBegin[0], window.PadBegin[1], window.PadEnd[0], window.PadEnd[1],
                window.Dilations[0], window.Dilations[1], (int)group, bias is not null || foldsBatchNorm is not null, null, Name);
            SetLayer(layer2d, OnnxShapes.FromShape(_b.Shape(layer2d), rank));
        }

        if (foldsBatchNorm is not null)
        {
            _values[foldsBatchNorm.Outputs[0]] = _values[_node.Outputs[0]];
            _folded.Add(foldsBatchNorm.Index);
        }
    }

    private void ConvTranspose()
    {
        var x = Tensor(0);
        var w = Constant(1, "weights");
        var bias = OptionalValue(2);
        if (x.Rank is not (3 or 4) || w.Rank != x.Rank)
        {
            throw Invalid($"only 1-D and 2-D transposed convolutions are supported (input {OnnxShapes.Format(x.Dims)})");
        }

        var group = _node.Int("group", 1);
        if (group <= 0 || w.Dims[0] != x.Dims[1])
        {
            throw ShapeError($"weights {OnnxShapes.Format(w.Dims)} do not match {x.Dims[1]} input channels");
        }

        var filters = checked(w.Dims[1] * group);
        var spatial = x.Rank - 2;
        var kernel = w.Dims[2..];
        var strides = Attribute("strides", spatial, 1);
        var dilations = Attribute("dilations", spatial, 1);
        var pads = Attribute("pads", 2 * spatial, 0);
        var outputPadding = Attribute("output_padding", spatial, 0);
        var dims = new long[x.Rank];
        dims[0] = x.Dims[0];
        dims[1] = filters;
        for (var i = 0; i < spatial; i++)
        {
            dims[2 + i] = TransposedSize(i, spatial, x.Dims[2 + i], kernel[i], strides[i], dilations[i], outputPadding[i], pads);
            if (dims[2 + i] <= 0)
            {
                throw ShapeError($"output would be {OnnxShapes.Format(dims)}");
            }
        }

        var foldsBatchNorm = FoldedBatchNorm();
        var weights = w.Elements;
        var kernelSize = OnnxShapes.Product(kernel, 0, kernel.Length);
        var macs = checked(x.Elements * (filters / group) * kernelSize);
        var biases = bias is not null ? bias.Elements : foldsBatchNorm is not null ? filters : 0;
        var kernelName = spatial == 2 ? FormattableString.Invariant($"deconv{kernel[0]}x{kernel[1]}") : FormattableString.Invariant($"deconv{kernel[0]}");
        var layer = _b.Custom(LayerKind.ConvTranspose, kernelName, [x.Layer], OnnxShapes.ToShape(dims), weights, biases, macs, Name);
        SetLayer(layer, dims);
        if (foldsBatchNorm is not null)
        {
            _values[foldsBatchNorm.Outputs[0]] = _values[_node.Outputs[0]];
            _folded.Add(foldsBatchNorm.Index);
        }
    }

    /// <summary>
    /// One spatial output size of ConvTranspose, by the operator's own rules: an explicit output_shape wins
    /// (its padding is implied); SAME_UPPER/SAME_LOWER give input × stride; otherwise
    /// stride × (input − 1) + output_padding + dilated kernel − pads (VALID: no pads).
    /// </summary>
    private long TransposedSize(int i, int spatial, long input, long kernel, long stride, long dilation, long outputPadding, long[] pads)
    {
        // output_shape lists the spatial sizes; some exporters write the full N x C x ... shape instead.
        if (_node.Ints("output_shape") is { Length: > 0 } outputShape)
        {
            return outputShape.Length == spatial ? outputShape[i]
                : outputShape.Length == spatial + 2 ? outputShape[2 + i]
                : throw Invalid($"output_shape has {outputShape.Length} values for {spatial} spatial axes");
        }

        var full = checked((stride * (input - 1)) + outputPadding + ((kernel - 1) * dilation) + 1);
        return (_node.String("auto_pad") ?? "NOTSET") switch
        {
            "SAME_UPPER" or "SAME_LOWER" => checked(input * stride),
            "VALID" => full,
            "NOTSET" or "" => checked(full - pads[i] - pads[spatial + i]),
            var other => throw Invalid($"auto_pad '{other}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID"),
        };
    }

    /// <summary>
    /// FitCheck's rule: batch norm after a convolution is folded into it, so it costs nothing beyond giving
    /// the convolution a bias (one per filter, none extra if it had one). A batch norm elsewhere (after an
    /// add, on the input) is a per-channel affine a runtime must store: C scales and C shifts.
    /// </summary>
    private OnnxNode? FoldedBatchNorm()
    {
        var output = _node.Outputs.Count > 0 ? _node.Outputs[0] : "";
        if (output.Length == 0 || _graphOutputs.Contains(output) || !_consumers.TryGetValue(output, out var consumers)
            || consumers.Count != 1)
        {
            return null;
        }

        var bn = consumers[0];
        return bn.OpType == "BatchNormalization" && (bn.Domain is "" or "ai.onnx") && bn.Inputs[0] == output
            && bn.Outputs.Count > 0 && bn.Outputs[0].Length > 0 ? bn : null;
    }

    private void BatchNorm()
    {
        var x = Tensor(0);
        if (x.Rank < 2)
        {
            throw Invalid($"input {OnnxShapes.Format(x.Dims)} has no channel axis");
        }

        var channels = x.Dims[1];
        var layer = _b.Custom(LayerKind.Normalization, "batchnorm", [x.Layer], OnnxShapes.ToShape(x.Dims), channels, channels, x.Elements, Name);
        SetLayer(layer, x.Dims);
    }

    /// <summary>
    /// A convolution over three or more spatial axes (video, volumetric): the same counts as 2-D, MACs =
    /// output elements x C_in/group x kernel volume, laid out for the planner as N x C x D x (H*W...).
    /// </summary>
    private void VolumeConv(OnnxValue x, OnnxValue w, ConvWindow window, long filters, long group, bool bias)
    {
        var dims = new long[x.Rank];
        dims[0] = x.Dims[0];
        dims[1] = filters;
        for (var i = 0; i < x.Rank - 2; i++)
        {
            var effective = checked(((w.Dims[2 + i] - 1) * window.Dilations[i]) + 1);
            var span = checked(x.Dims[2 + i] + window.PadBegin[i] + window.PadEnd[i] - effective);
            if (span < 0)
            {
                throw ShapeError($"a {effective}-wide kernel does not fit an input of {x.Dims[2 + i]}");
            }

            dims[2 + i] = (span / window.Strides[i]) + 1;
        }

        var kernelVolume = OnnxShapes.Product(w.Dims, 1, w.Rank);
        var macs = checked(OnnxShapes.Product(dims, 0, dims.Length) * kernelVolume);
        var kernel = "conv" + string.Join("x", w.Dims[2..]);
        SetLayer(_b.Custom(LayerKind.Convolution, kernel, [x.Layer], OnnxShapes.ToShape(dims), w.Elements, bias ? filters : 0, macs, Name), dims);
    }

    private sealed record ConvWindow(int[] Strides, int[] PadBegin, int[] PadEnd, int[] Dilations);

    /// <summary>Strides, dilations and padding per spatial axis (at least two: the second is 1/0 for 1-D), auto_pad resolved.</summary>
    private ConvWindow Window(long[] inputDims, long[] kernel, int spatial)
    {
        var strides = Attribute("strides", spatial, 1);
        var dilations = Attribute("dilations", spatial, 1);
        var pads = Attribute("pads", 2 * spatial, 0);
        var autoPad = _node.String("auto_pad") ?? "NOTSET";
        var n = Math.Max(spatial, 2);
        var s = Enumerable.Repeat(1, n).ToArray();
        var d = Enumerable.Repeat(1, n).ToArray();
        var begin = new int[n];
        var end = new int[n];
        for (var i = 0; i < spatial; i++)
        {
            s[i] = ToInt(strides[i], "stride");
            d[i] = ToInt(dilations[i], "dilation");
            if (s[i] == 0 || d[i] == 0)
            {
                throw Invalid($"strides and dilations must be positive");
            }

            switch (autoPad)
            {
                case "SAME_UPPER":
                case "SAME_LOWER":
                    var input = inputDims[2 + i];
                    var output = OnnxShapes.CeilDiv(input, Math.Max(1, s[i]));
                    var effective = checked(((kernel[i] - 1) * d[i]) + 1);
                    var total = Math.Max(0, checked(((output - 1) * s[i]) + effective - input));
                    var small = total / 2;
                    begin[i] = ToInt(autoPad == "SAME_UPPER" ? small : total - small, "padding");
                    end[i] = ToInt(autoPad == "SAME_UPPER" ? total - small : small, "padding");
                    break;
                case "VALID":
                    break;
                case "NOTSET" or "":
                    begin[i] = ToInt(pads[i], "padding");
                    end[i] = ToInt(pads[spatial + i], "padding");
                    break;
                default:
                    throw Invalid($"auto_pad '{autoPad}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID");
            }
        }

        return new ConvWindow(s, begin, end, d);
    }
}
