using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Tflite;

/// <summary>
/// Turns subgraph 0 into FitCheck's IR: one layer per operator, in topological order, with NHWC tensors
/// mapped to N x C x H x W. Operators whose inputs are all constants (the DEQUANTIZE that widens float16
/// weights, a DENSIFY of sparse weights) are weight preparation, not layers: their outputs count as
/// constants. Output shapes are the file's own unless the input was resized (a dynamic input), in which
/// case each operator row's shape rule recomputes them.
/// </summary>
internal sealed class TfliteTranslator
{
    private readonly TfliteGraph _g;
    private readonly string _file;
    private readonly long[][] _dims;
    private readonly bool[] _constant;
    private readonly bool[] _resized;
    private readonly int[] _layer;
    private readonly NetworkBuilder _b;

    private TfliteTranslator(TfliteGraph g, string file, NetworkBuilder builder, long[][] dims, bool[] resized)
    {
        _g = g;
        _file = file;
        _b = builder;
        _dims = dims;
        _resized = resized;
        _constant = (bool[])g.Constant.Clone();
        _layer = Enumerable.Repeat(-1, dims.Length).ToArray();
    }

    /// <param name="inputs">The subgraph's activation inputs, the primary one first, each with the dims to use.</param>
    public static Network Translate(TfliteGraph g, string file, string name, IReadOnlyList<(int Tensor, long[] Dims)> inputs)
    {
        var tensors = g.Main.Tensors;
        var dims = tensors.Select(t => t.Shape.Select(d => (long)d).ToArray()).ToArray();
        var resized = new bool[dims.Length];
        foreach (var (tensor, d) in inputs)
        {
            resized[tensor] = !d.SequenceEqual(dims[tensor]);
            dims[tensor] = d;
        }

        var first = Nchw(inputs[0].Dims);
        var builder = new NetworkBuilder(name, first.N, first.C, first.H, first.W);
        var t = new TfliteTranslator(g, file, builder, dims, resized);
        t._layer[inputs[0].Tensor] = builder.Input;
        foreach (var (tensor, d) in inputs.Skip(1))
        {
            t._layer[tensor] = builder.Custom(LayerKind.Input, "input", [], Nchw(d), name: tensors[tensor].Name);
        }

        foreach (var index in g.Order)
        {
            t.Visit(g.Main.Operators[index]);
        }

        return builder.Build();
    }

    /// <summary>NHWC (or any rank) to N x C x H x W with the same element count: sequences as N x features x steps x 1.</summary>
    public static TensorShape Nchw(long[] d) => d.Length switch
    {
        0 => new TensorShape(1, 1, 1, 1),
        1 => new TensorShape(1, d[0], 1, 1),
        2 => new TensorShape(d[0], d[1], 1, 1),
        3 => new TensorShape(d[0], d[2], d[1], 1),
        4 => new TensorShape(d[0], d[3], d[1], d[2]),
        _ => new TensorShape(d[0], d[^1], d[1..^1].Aggregate(1L, (a, b) => checked(a * b)), 1),
    };

    private void Visit(TfliteOperator op)
    {
        var present = op.Inputs.Where(i => i >= 0).ToArray();
        if (present.Length > 0 && present.All(i => _constant[i]))
        {
            foreach (var o in op.Outputs)
            {
                _constant[o] = true;
            }

            return;
        }

        var row = TfliteOperators.Find(op.Code) ?? throw new FitCheckException(
            DiagnosticCatalog.TfliteUnsupportedOperator(_file, op.Offset, op.Code, Suggest.Closest(op.Code, TfliteOperators.Names)));
        var context = new TfliteOpContext(op, _file, _dims, _constant, _g.Main.Tensors);
        if (op.Outputs.Length == 0)
        {
            throw context.Fail("it has no output");
        }

        context.Out = Outputs(op, row, context);
        if (context.Out.FirstOrDefault(d => d.Any(x => x < 0)) is { } negative)
        {
            throw context.Fail($"its output would be {TfliteOpContext.Format(negative)}");
        }

        for (var i = 0; i < op.Outputs.Length; i++)
        {
            _dims[op.Outputs[i]] = context.Out[i];
            _resized[op.Outputs[i]] = !context.Out[i].SequenceEqual(context.StoredOut(i));
        }

        long weights = 0, biases = 0;
        var inputs = new List<int>();
        for (var slot = 0; slot < op.Inputs.Length; slot++)
        {
            var tensor = op.Inputs[slot];
            if (tensor < 0)
            {
                continue;
            }

            if (_constant[tensor])
            {
                if (!row.Config.Contains(slot))
                {
                    var n = TfliteOpContext.Elements(_dims[tensor]);
                    if (row.Bias.Contains(slot))
                    {
                        biases = checked(biases + n);
                    }
                    else
                    {
                        weights = checked(weights + n);
                    }
                }
            }
            else if (_layer[tensor] >= 0)
            {
                if (!inputs.Contains(_layer[tensor]))
                {
                    inputs.Add(_layer[tensor]);
                }
            }
            else if (!_g.Main.Tensors[tensor].IsVariable && !row.ScratchInputs)
            {
                throw context.Fail($"it reads tensor '{DiagnosticCatalog.Clip(_g.Main.Tensors[tensor].Name)}', which no operator writes and which is not an input of the model");
            }
        }

        var shape = op.Outputs.Length == 1
            ? Nchw(context.Out[0])
            : new TensorShape(1, context.Out.Aggregate(0L, (sum, d) => checked(sum + TfliteOpContext.Elements(d))), 1, 1);
        var name = op.Outputs.Length > 0 ? _g.Main.Tensors[op.Outputs[0]].Name : op.Display;
        var layer = _b.Custom(row.Kind, row.KernelOf?.Invoke(context) ?? row.Kernel, [.. inputs], shape, weights, biases, row.Macs(context), name);
        foreach (var o in op.Outputs)
        {
            _layer[o] = layer;
        }
    }

    /// <summary>The stored output dims, unless an input was resized: then the row's shape rule, which must exist.</summary>
    private long[][] Outputs(TfliteOperator op, TfliteOp row, TfliteOpContext context)
    {
        var stored = Enumerable.Range(0, op.Outputs.Length).Select(context.StoredOut).ToArray();
        if (!op.Inputs.Any(i => i >= 0 && _resized[i]))
        {
            return stored;
        }

        if (row.Infer is null)
        {
            throw context.Fail("its output shape cannot follow a resized input (FitCheck infers it only for the file's own input size)");
        }

        var inferred = row.Infer(context);
        return stored.Select((s, i) => i < inferred.Length ? inferred[i] : s).ToArray();
    }
}
