using FitCheck.Diagnostics;

namespace FitCheck.Graph;

/// <summary>
/// Builds a <see cref="Network"/> layer by layer, inferring each output shape and counting parameters and
/// MACs as it goes. Zoo models and importers all go through here, so every model source shares one set
/// of shape rules. Shape mistakes become <see cref="FitCheckException"/>s that name the layer.
/// </summary>
public sealed class NetworkBuilder
{
    private readonly List<Layer> _layers = [];
    private readonly string _name;

    public NetworkBuilder(string name, long batch, long channels, long height, long width)
    {
        _name = name;
        if (batch <= 0 || channels <= 0 || height <= 0 || width <= 0)
        {
            throw new FitCheckException(DiagnosticCatalog.ShapeError(name, "input", $"input shape {batch}x{channels}x{height}x{width} must be positive"));
        }

        Add(new Layer
        {
            Index = 0,
            Name = "input",
            Kind = LayerKind.Input,
            Inputs = [],
            Output = new TensorShape(batch, channels, height, width),
            Kernel = "input",
        });
    }

    public string Name => _name;

    public int Input => 0;

    public int Count => _layers.Count;

    public TensorShape Shape(int layer) => _layers[layer].Output;

    public Layer this[int index] => _layers[index];

    public int Conv(int input, long filters, int kernel, int stride = 1, int? pad = null, int groups = 1,
        bool bias = true, string? activation = null, string? name = null) =>
        Conv(input, filters, kernel, kernel, stride, stride, pad ?? kernel / 2, pad ?? kernel / 2, pad ?? kernel / 2, pad ?? kernel / 2,
            1, 1, groups, bias, activation, name);

    /// <summary>General 2-D convolution; pads are top, left, bottom, right as ONNX orders them (begin, then end).</summary>
    public int Conv(int input, long filters, int kernelH, int kernelW, int strideH, int strideW,
        int padTop, int padLeft, int padBottom, int padRight, int dilationH, int dilationW, int groups,
        bool bias, string? activation, string? name)
    {
        var n = name ?? $"conv{_layers.Count}";
        var x = Shape(input);
        if (groups <= 0 || x.C % groups != 0 || filters % groups != 0 || filters <= 0)
        {
            Fail(n, $"{filters} filters in {groups} groups do not divide {x.C} input channels");
        }

        if (kernelH <= 0 || kernelW <= 0 || strideH <= 0 || strideW <= 0 || dilationH <= 0 || dilationW <= 0)
        {
            Fail(n, "kernel, stride and dilation must be positive");
        }

        var effH = (long)dilationH * (kernelH - 1) + 1;
        var effW = (long)dilationW * (kernelW - 1) + 1;
        var outH = OutSize(n, x.H, effH, strideH, (long)padTop + padBottom);
        var outW = OutSize(n, x.W, effW, strideW, (long)padLeft + padRight);
        var output = new TensorShape(x.N, filters, outH, outW);
        var weights = Checked(n, () => filters * (x.C / groups) * kernelH * kernelW);
        var macs = Checked(n, () => output.Elements * (x.C / groups) * kernelH * kernelW);
        var depthwise = groups > 1 && groups == x.C;
        var kernelName = (depthwise ? "dwconv" : groups > 1 ? "gconv" : "conv") + $"{kernelH}x{kernelW}";
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = n,
            Kind = LayerKind.Convolution,
            Inputs = [input],
            Output = output,
            WeightParameters = weights,
            BiasParameters = bias ? filters : 0,
            Macs = macs,
            Kernel = kernelName,
            Activation = activation,
            Window = new LayerWindow(kernelH, strideH, padTop, dilationH),
        });
    }

    /// <summary>Transposed convolution (U-Net's up-convolutions, ONNX ConvTranspose).</summary>
    public int ConvTranspose(int input, long filters, int kernel, int stride, int pad = 0, int groups = 1, bool bias = true,
        string? activation = null, string? name = null)
    {
        var n = name ?? $"deconv{_layers.Count}";
        var x = Shape(input);
        if (groups <= 0 || x.C % groups != 0 || filters % groups != 0)
        {
            Fail(n, $"{filters} filters in {groups} groups do not divide {x.C} input channels");
        }

        var outH = Checked(n, () => (x.H - 1) * stride - 2L * pad + kernel);
        var outW = Checked(n, () => (x.W - 1) * stride - 2L * pad + kernel);
        if (outH <= 0 || outW <= 0)
        {
            Fail(n, $"output would be {outH}x{outW}");
        }

        var output = new TensorShape(x.N, filters, outH, outW);
        var weights = Checked(n, () => x.C * (filters / groups) * kernel * kernel);
        var macs = Checked(n, () => x.Elements * (filters / groups) * kernel * kernel);
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = n,
            Kind = LayerKind.ConvTranspose,
            Inputs = [input],
            Output = output,
            WeightParameters = weights,
            BiasParameters = bias ? filters : 0,
            Macs = macs,
            Kernel = $"deconv{kernel}x{kernel}",
            Activation = activation,
            Window = new LayerWindow(kernel, stride, pad, 1, Transposed: true),
        });
    }

    public int FullyConnected(int input, long outputs, bool bias = true, string? activation = null, string? name = null)
    {
        var n = name ?? $"fc{_layers.Count}";
        var x = Shape(input);
        var inFeatures = Checked(n, () => x.C * x.H * x.W);
        var output = new TensorShape(x.N, outputs, 1, 1);
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = n,
            Kind = LayerKind.FullyConnected,
            Inputs = [input],
            Output = output,
            WeightParameters = Checked(n, () => inFeatures * outputs),
            BiasParameters = bias ? outputs : 0,
            Macs = Checked(n, () => x.N * inFeatures * outputs),
            Kernel = "fc",
            Activation = activation,
        });
    }

    /// <summary>
    /// A token-wise linear layer for sequence tensors laid out as N x C(features) x H(tokens) x 1: every
    /// token is multiplied by the same weight matrix.
    /// </summary>
    public int Linear(int input, long outputs, bool bias = true, string? activation = null, string? name = null)
    {
        var n = name ?? $"linear{_layers.Count}";
        var x = Shape(input);
        var tokens = Checked(n, () => x.H * x.W);
        var output = new TensorShape(x.N, outputs, x.H, x.W);
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = n,
            Kind = LayerKind.FullyConnected,
            Inputs = [input],
            Output = output,
            WeightParameters = Checked(n, () => x.C * outputs),
            BiasParameters = bias ? outputs : 0,
            Macs = Checked(n, () => x.N * tokens * x.C * outputs),
            Kernel = "fc",
            Activation = activation,
        });
    }

    /// <summary>Activation x activation product (attention scores and context); no weights.</summary>
    public int MatMul(int a, int b, TensorShape output, long macs, string? name = null)
    {
        var n = name ?? $"matmul{_layers.Count}";
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = n,
            Kind = LayerKind.MatMul,
            Inputs = [a, b],
            Output = output,
            Macs = macs,
            Kernel = "matmul",
        });
    }

    public int MaxPool(int input, int kernel, int stride, int pad = 0, string? name = null) =>
        Pool(input, LayerKind.MaxPool, kernel, stride, pad, pad, name ?? $"maxpool{_layers.Count}");

    public int AvgPool(int input, int kernel, int stride, int pad = 0, string? name = null) =>
        Pool(input, LayerKind.AvgPool, kernel, stride, pad, pad, name ?? $"avgpool{_layers.Count}");

    /// <summary>Pooling with separate begin and end padding (Darknet's maxpool pads size-1 in total).</summary>
    public int Pool(int input, LayerKind kind, int kernel, int stride, int padBegin, int padEnd, string name)
    {
        var x = Shape(input);
        if (kernel <= 0 || stride <= 0)
        {
            Fail(name, "kernel and stride must be positive");
        }

        var outH = OutSize(name, x.H, kernel, stride, (long)padBegin + padEnd);
        var outW = OutSize(name, x.W, kernel, stride, (long)padBegin + padEnd);
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = name,
            Kind = kind,
            Inputs = [input],
            Output = new TensorShape(x.N, x.C, outH, outW),
            Kernel = kind == LayerKind.MaxPool ? "maxpool" : "avgpool",
            Window = new LayerWindow(kernel, stride, padBegin, 1),
        });
    }

    public int GlobalAvgPool(int input, string? name = null)
    {
        var x = Shape(input);
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = name ?? $"gap{_layers.Count}",
            Kind = LayerKind.GlobalAvgPool,
            Inputs = [input],
            Output = new TensorShape(x.N, x.C, 1, 1),
            Kernel = "avgpool",
        });
    }

    /// <summary>Elementwise sum (residual shortcut). Inputs must have the same shape.</summary>
    public int Add(int a, int b, string? activation = null, string? name = null) =>
        Elementwise(LayerKind.Add, "add", [a, b], activation, name ?? $"add{_layers.Count}");

    public int Multiply(int a, int b, string? name = null) =>
        Elementwise(LayerKind.Mul, "mul", [a, b], null, name ?? $"mul{_layers.Count}");

    public int Elementwise(LayerKind kind, string kernel, int[] inputs, string? activation, string name)
    {
        var shape = Shape(inputs[0]);
        foreach (var i in inputs)
        {
            var s = Shape(i);
            // Broadcasting as ONNX allows: every dimension equal or 1 (squeeze-excitation scales by Cx1x1).
            if (!Broadcasts(s, shape) && !Broadcasts(shape, s))
            {
                Fail(name, $"cannot combine shapes {shape} and {s}");
            }

            shape = new TensorShape(Math.Max(shape.N, s.N), Math.Max(shape.C, s.C), Math.Max(shape.H, s.H), Math.Max(shape.W, s.W));
        }

        return Add(new Layer
        {
            Index = _layers.Count,
            Name = name,
            Kind = kind,
            Inputs = inputs,
            Output = shape,
            Kernel = kernel,
            Activation = activation,
        });
    }

    public int Activation(int input, string function, string? name = null)
    {
        var x = Shape(input);
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = name ?? $"{function}{_layers.Count}",
            Kind = LayerKind.Activation,
            Inputs = [input],
            Output = x,
            Kernel = function,
            Activation = function,
        });
    }

    /// <summary>Concatenation along channels (Darknet route with several layers, ONNX Concat axis 1).</summary>
    public int Concat(int[] inputs, string? name = null)
    {
        var n = name ?? $"concat{_layers.Count}";
        if (inputs.Length == 0)
        {
            Fail(n, "concatenation of nothing");
        }

        var first = Shape(inputs[0]);
        long channels = 0;
        foreach (var i in inputs)
        {
            var s = Shape(i);
            if (s.N != first.N || s.H != first.H || s.W != first.W)
            {
                Fail(n, $"cannot concatenate {first} with {s}: spatial sizes differ");
            }

            channels = checked(channels + s.C);
        }

        return Add(new Layer
        {
            Index = _layers.Count,
            Name = n,
            Kind = LayerKind.Concat,
            Inputs = inputs,
            Output = first with { C = channels },
            Kernel = "concat",
        });
    }

    public int Upsample(int input, int scale, string? name = null)
    {
        var n = name ?? $"upsample{_layers.Count}";
        var x = Shape(input);
        if (scale <= 0)
        {
            Fail(n, "scale must be positive");
        }

        return Add(new Layer
        {
            Index = _layers.Count,
            Name = n,
            Kind = LayerKind.Upsample,
            Inputs = [input],
            Output = new TensorShape(x.N, x.C, Checked(n, () => x.H * scale), Checked(n, () => x.W * scale)),
            Kernel = "upsample",
        });
    }

    /// <summary>A layer whose output is its input under another shape (no copy, no code).</summary>
    public int View(int input, TensorShape shape, string? name = null)
    {
        var n = name ?? $"view{_layers.Count}";
        if (shape.Elements != Shape(input).Elements)
        {
            Fail(n, $"cannot view {Shape(input)} as {shape}");
        }

        return Add(new Layer { Index = _layers.Count, Name = n, Kind = LayerKind.View, Inputs = [input], Output = shape, Kernel = "view" });
    }

    /// <summary>Any other layer with a known output and cost (softmax, layer norm, detection, slices).</summary>
    public int Custom(LayerKind kind, string kernel, int[] inputs, TensorShape output, long weights = 0, long biases = 0, long macs = 0,
        string? name = null, string? activation = null)
    {
        return Add(new Layer
        {
            Index = _layers.Count,
            Name = name ?? $"{kernel}{_layers.Count}",
            Kind = kind,
            Inputs = inputs,
            Output = output,
            WeightParameters = weights,
            BiasParameters = biases,
            Macs = macs,
            Kernel = kernel,
            Activation = activation,
        });
    }

    public Network Build() => new(_name, _layers.ToArray());

    /// <summary>Another input of a multi-input network (a recurrent state, a second sequence); layer 0 stays the main input.</summary>
    public int AddInput(TensorShape shape, string name)
    {
        if (shape.N <= 0 || shape.C <= 0 || shape.H <= 0 || shape.W <= 0)
        {
            Fail(name, $"input shape {shape} must be positive");
        }

        return Add(new Layer { Index = _layers.Count, Name = name, Kind = LayerKind.Input, Inputs = [], Output = shape, Kernel = "input" });
    }

    /// <summary>Drops the layers from <paramref name="count"/> on: an alternative (an If branch) that was costed and not kept.</summary>
    public void Truncate(int count) => _layers.RemoveRange(count, _layers.Count - count);

    /// <summary>Multiplies the MACs of the layers from <paramref name="from"/> on: a loop body built once that runs <paramref name="times"/> times.</summary>
    public void RepeatMacs(int from, long times)
    {
        for (var i = from; i < _layers.Count; i++)
        {
            var l = _layers[i];
            var macs = Checked(l.Name, () => l.Macs * times);
            _layers[i] = new Layer
            {
                Index = l.Index,
                Name = l.Name,
                Kind = l.Kind,
                Inputs = l.Inputs,
                Output = l.Output,
                WeightParameters = l.WeightParameters,
                BiasParameters = l.BiasParameters,
                Macs = macs,
                Kernel = l.Kernel,
                Activation = l.Activation,
                Window = l.Window,
            };
        }
    }

    private int Add(Layer layer)
    {
        foreach (var i in layer.Inputs)
        {
            if (i < 0 || i >= _layers.Count)
            {
                Fail(layer.Name, $"refers to layer {i}, which does not exist yet");
            }
        }

        try
        {
            _ = layer.Output.Elements;
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(_name, $"the output of layer '{layer.Name}'"));
        }

        _layers.Add(layer);
        return layer.Index;
    }

    private static bool Broadcasts(TensorShape from, TensorShape to) =>
        (from.N == to.N || from.N == 1) && (from.C == to.C || from.C == 1) && (from.H == to.H || from.H == 1) && (from.W == to.W || from.W == 1);

    private long OutSize(string layer, long size, long kernel, long stride, long pad)
    {
        var span = size + pad - kernel;
        if (span < 0)
        {
            Fail(layer, $"a {kernel}-wide window does not fit an input of {size} (padding {pad})");
        }

        return span / stride + 1;
    }

    private long Checked(string layer, Func<long> compute)
    {
        try
        {
            return checked(compute());
        }
        catch (OverflowException)
        {
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(_name, $"the size of layer '{layer}'"));
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string layer, string reason) =>
        throw new FitCheckException(DiagnosticCatalog.ShapeError(_name, layer, reason));
}
