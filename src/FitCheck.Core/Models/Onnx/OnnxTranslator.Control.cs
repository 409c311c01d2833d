using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>
/// If, Loop and Scan. Their bodies are translated into the same network, reading the enclosing scope's
/// values. An If whose condition folds takes its branch; otherwise each branch is built, costed (MACs,
/// then parameters) and the costlier one kept: an upper bound, never a silent under-count. A Loop with a
/// constant trip count (and a Scan, whose trip count is its scanned axis) builds its body once and
/// multiplies the body's MACs; parameters are stored once.
/// </summary>
internal sealed partial class OnnxTranslator
{
    private void If()
    {
        var node = _node;
        var thenBranch = Body("then_branch");
        var elseBranch = Body("else_branch");
        var condition = Value(0);
        if (condition.IsConstant && condition.IntValues is [var c])
        {
            Bind(node, RunBody(c != 0 ? thenBranch : elseBranch));
            return;
        }

        // The condition depends on the input (a sample rate, a score): cost both branches, keep the costlier.
        // A branch that cannot take this input at all (8 kHz framing fed 16 kHz-sized audio) is not a candidate.
        var start = _b.Count;
        var values = new Dictionary<string, OnnxValue>(_values, StringComparer.Ordinal);
        var counted = new HashSet<string>(_counted, StringComparer.Ordinal);
        var thenResult = TryBody(thenBranch, start, out var thenError);
        Restore(start, values, counted);
        var elseResult = TryBody(elseBranch, start, out _);
        if (elseResult is null && thenResult is null)
        {
            _node = node;
            throw thenError!;
        }

        if (elseResult is null || (thenResult is not null && thenResult.Value.Cost.CompareTo(elseResult.Value.Cost) > 0))
        {
            Restore(start, values, counted);
            Bind(node, RunBody(thenBranch));
        }
        else
        {
            Bind(node, elseResult.Value.Outputs);
        }
    }

    private (List<OnnxValue> Outputs, (long Macs, long Parameters) Cost)? TryBody(OnnxGraph body, int start, out FitCheckException? error)
    {
        var owner = _node;
        try
        {
            var outputs = RunBody(body);
            error = null;
            return (outputs, Cost(start));
        }
        catch (FitCheckException e)
        {
            _node = owner;
            error = e;
            return null;
        }
    }

    private void Loop()
    {
        var node = _node;
        var body = Body("body");
        var trips = OptionalValue(0) is { } m && m.IsConstant && m.IntValues is [var t] ? t : -1;
        if (trips < 0)
        {
            throw Invalid($"the trip count M must be a constant (FitCheck cannot bound a loop that runs until a computed condition)");
        }

        var carried = node.Inputs.Count - 2;
        if (body.Inputs.Count != carried + 2 || body.Outputs.Count < carried + 1)
        {
            throw Invalid($"the body has {body.Inputs.Count} inputs and {body.Outputs.Count} outputs for {carried} loop-carried value(s)");
        }

        _values[body.Inputs[0].Name] = OnnxValue.Constant([], OnnxDataType.Int64, null, null, generated: true);
        _values[body.Inputs[1].Name] = OnnxValue.Constant([], OnnxDataType.Bool, [1], null, generated: true);
        for (var i = 0; i < carried; i++)
        {
            _values[body.Inputs[2 + i].Name] = Value(2 + i);
        }

        var start = _b.Count;
        var outputs = RunBody(body, bindInputs: false);
        _b.RepeatMacs(start, trips);
        var results = outputs.Skip(1).Take(carried).ToList();
        results.AddRange(outputs.Skip(1 + carried).Select((v, i) => Stacked(node, v, trips, 0, $":scan{i}")));
        Bind(node, results);
    }

    private void Scan()
    {
        var node = _node;
        var body = Body("body");
        var scanInputs = (int)node.Int("num_scan_inputs", 0);
        var states = node.Inputs.Count - scanInputs;
        if (scanInputs <= 0 || states < 0 || body.Inputs.Count != node.Inputs.Count)
        {
            throw Invalid($"num_scan_inputs {scanInputs} does not match {node.Inputs.Count} inputs and a body of {body.Inputs.Count}");
        }

        var inputAxes = node.Ints("scan_input_axes") ?? new long[scanInputs];
        var outputAxes = node.Ints("scan_output_axes");
        long trips = -1;
        for (var i = 0; i < node.Inputs.Count; i++)
        {
            var v = Value(i);
            if (i < states)
            {
                _values[body.Inputs[i].Name] = v;
                continue;
            }

            var axis = OnnxShapes.Axis(i - states < inputAxes.Length ? inputAxes[i - states] : 0, v.Rank) ?? throw Invalid($"scan axis is out of range");
            trips = trips < 0 ? v.Dims[axis] : trips == v.Dims[axis] ? trips : throw ShapeError($"scan inputs differ in length");
            long[] slice = [.. v.Dims[..axis], .. v.Dims[(axis + 1)..]];
            _values[body.Inputs[i].Name] = v.IsConstant
                ? OnnxValue.Constant(slice, v.DataType, null, null, v.Generated)
                : OnnxValue.Activation(_b.Custom(LayerKind.Copy, "scan-slice", [v.Layer], OnnxShapes.ToShape(slice), name: $"{Name}:slice{i}"), slice);
        }

        var start = _b.Count;
        var outputs = RunBody(body, bindInputs: false);
        _b.RepeatMacs(start, Math.Max(trips, 0));
        var results = outputs.Take(states).ToList();
        results.AddRange(outputs.Skip(states).Select((v, i) =>
            Stacked(node, v, trips, outputAxes is not null && i < outputAxes.Length ? outputAxes[i] : 0, $":scan{i}")));
        Bind(node, results);
    }

    private OnnxGraph Body(string attribute) =>
        _node.Attribute(attribute)?.G ?? throw Invalid($"attribute '{attribute}' (a graph) is missing");

    /// <summary>Translates a body in the current scope and returns the values of its outputs.</summary>
    private List<OnnxValue> RunBody(OnnxGraph body, bool bindInputs = true)
    {
        var owner = _node;
        if (bindInputs && body.Inputs.Count > 0)
        {
            throw Invalid($"an If branch takes no inputs, this one declares {body.Inputs.Count}");
        }

        foreach (var (key, tensor) in body.Initializers)
        {
            _values[key] = OnnxValue.FromTensor(tensor);
        }

        foreach (var index in body.Order)
        {
            _node = body.Nodes[index];
            TranslateNode();
        }

        _node = owner;
        return [.. body.Outputs.Select(o => _values.TryGetValue(o.Name, out var v) ? v : throw Invalid($"body output '{o.Name}' has no value"))];
    }

    private void Bind(OnnxNode node, IReadOnlyList<OnnxValue> outputs)
    {
        for (var i = 0; i < node.Outputs.Count && i < outputs.Count; i++)
        {
            if (node.Outputs[i].Length > 0)
            {
                _values[node.Outputs[i]] = outputs[i];
            }
        }
    }

    /// <summary>A per-iteration output of a loop, stacked along <paramref name="axis"/> into one tensor.</summary>
    private OnnxValue Stacked(OnnxNode node, OnnxValue v, long trips, long axis, string suffix)
    {
        var rank = v.Rank + 1;
        var at = OnnxShapes.Axis(axis, rank) ?? 0;
        long[] dims = [.. v.Dims[..at], trips, .. v.Dims[at..]];
        if (v.IsConstant || trips <= 0)
        {
            return OnnxValue.Constant(dims, v.DataType, null, null, v.Generated);
        }

        return OnnxValue.Activation(_b.Custom(LayerKind.Concat, "stack", [v.Layer], OnnxShapes.ToShape(dims), name: node.DisplayName + suffix), dims);
    }

    private (long Macs, long Parameters) Cost(int start)
    {
        long macs = 0, parameters = 0;
        for (var i = start; i < _b.Count; i++)
        {
            macs = checked(macs + _b[i].Macs);
            parameters = checked(parameters + _b[i].Parameters);
        }

        return (macs, parameters);
    }

    private void Restore(int start, Dictionary<string, OnnxValue> values, HashSet<string> counted)
    {
        _b.Truncate(start);
        _values.Clear();
        foreach (var (k, v) in values)
        {
            _values[k] = v;
        }

        _counted.Clear();
        _counted.UnionWith(counted);
    }

    private void NonMaxSuppression()
    {
        var boxes = Value(0);
        var scores = Value(1);
        if (boxes.Rank != 3 || scores.Rank != 3)
        {
            throw Invalid($"boxes {OnnxShapes.Format(boxes.Dims)} and scores {OnnxShapes.Format(scores.Dims)} must be 3-D");
        }

        var count = boxes.Dims[1];
        var perClass = OptionalValue(2) is { IsConstant: true } m && m.IntValues is [var k] ? Math.Min(k, count) : count;
        var selected = Math.Max(1, checked(scores.Dims[0] * scores.Dims[1] * perClass));
        long[] dims = [selected, 3];
        var inputs = new[] { boxes, scores }.Where(v => !v.IsConstant).Select(v => v.Layer).ToArray();
        SetLayer(_b.Custom(LayerKind.Detection, "nms", inputs, OnnxShapes.ToShape(dims), name: Name), dims);
    }
}
