using FitCheck.Diagnostics;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx.Conformance;

/// <summary>What one backend node test gave: a matching shape, a different one, a refusal, or not applicable.</summary>
internal enum NodeOutcome
{
    /// <summary>The graph uses an operator FitCheck does not support: the test does not apply.</summary>
    NotApplicable,
    Pass,
    Mismatch,
    Refused,
    Crashed,
}

internal sealed record NodeResult(string Test, NodeOutcome Outcome, string Detail);

/// <summary>
/// Runs one ONNX backend node test through FitCheck's importer and compares the inferred dims of every graph
/// output with the reference output's (test_data_set_0/output_k.pb). The graph's first input carries the
/// batch and resolution of input_0.pb. When FitCheck refuses the graph as it is (the node tests feed
/// weights, shapes and second operands as graph inputs), it is tried once more with inputs 1..n bound to
/// their test values as initializers, the way keep_initializers_as_inputs exports carry weights.
/// </summary>
internal static class NodeTestRunner
{
    public static NodeResult Run(string directory)
    {
        var test = Path.GetFileName(directory);
        var model = Path.Combine(directory, "model.onnx");
        var data = Path.Combine(directory, "test_data_set_0");
        OnnxGraph graph;
        try
        {
            graph = OnnxReader.Read(model, "model.onnx");
        }
        catch (FitCheckException e)
        {
            return new NodeResult(test, NodeOutcome.Refused, e.Diagnostic.Message);
        }

        // The importer's own rule (the operator registry, subgraph bodies included) decides which tests apply.
        var unsupported = OnnxOperators.Unsupported(graph);
        if (unsupported.Count > 0 || graph.Nodes.Count == 0 || !File.Exists(Path.Combine(data, "input_0.pb")))
        {
            return new NodeResult(test, NodeOutcome.NotApplicable, string.Join(", ", unsupported.Select(u => u.Operator)));
        }

        try
        {
            var input = OnnxReader.ReadTensorFile(Path.Combine(data, "input_0.pb"), "input_0.pb");
            var bound = BoundInputs(graph, data);
            var dims = Infer(model, [], input) ?? (bound.Count > 0 ? Infer(model, bound, input) : null);
            if (dims is null)
            {
                // Neither form imported: report why the last form tried was refused.
                _ = Infer(model, bound, input, rethrow: true);
            }

            return Compare(test, data, dims!);
        }
        catch (FitCheckException e)
        {
            return new NodeResult(test, NodeOutcome.Refused, e.Diagnostic.Message);
        }
        catch (Exception e)
        {
            return new NodeResult(test, NodeOutcome.Crashed, e.GetType().Name + ": " + e.Message);
        }
    }

    private static List<OnnxTensor> BoundInputs(OnnxGraph graph, string data)
    {
        var bound = new List<OnnxTensor>();
        var inputs = graph.Inputs.Where(i => !graph.Initializers.ContainsKey(i.Name)).ToList();
        for (var k = 1; k < inputs.Count; k++)
        {
            var path = Path.Combine(data, $"input_{k}.pb");
            if (File.Exists(path))
            {
                var t = OnnxReader.ReadTensorFile(path, Path.GetFileName(path));
                t.Name = inputs[k].Name;
                bound.Add(t);
            }
        }

        return bound;
    }

    private static IReadOnlyList<long[]?>? Infer(string model, List<OnnxTensor> bound, OnnxTensor input, bool rethrow = false)
    {
        try
        {
            var m = bound.Count == 0 ? OnnxModel.Load(model) : OnnxModel.Load(model, bound);
            var batch = input.Dims.Count > 0 ? (int)input.Dims[0] : 1;
            return m.OutputDims(m.DefaultResolution, batch);
        }
        catch (FitCheckException) when (!rethrow)
        {
            return null;
        }
    }

    private static NodeResult Compare(string test, string data, IReadOnlyList<long[]?> inferred)
    {
        var compared = 0;
        for (var k = 0; k < inferred.Count; k++)
        {
            var path = Path.Combine(data, $"output_{k}.pb");
            if (!File.Exists(path))
            {
                continue;
            }

            var expected = OnnxReader.ReadTensorFile(path, Path.GetFileName(path)).Dims.ToArray();
            var actual = inferred[k];
            if (actual is null)
            {
                return new NodeResult(test, NodeOutcome.Refused, $"output {k} has no inferred value");
            }

            if (!actual.SequenceEqual(expected))
            {
                return new NodeResult(test, NodeOutcome.Mismatch,
                    $"output {k}: FitCheck {OnnxShapes.Format(actual)}, reference {OnnxShapes.Format(expected)}");
            }

            compared++;
        }

        return compared > 0
            ? new NodeResult(test, NodeOutcome.Pass, "")
            : new NodeResult(test, NodeOutcome.NotApplicable, "no reference output");
    }
}
