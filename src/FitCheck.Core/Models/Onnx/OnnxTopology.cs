using FitCheck.Diagnostics;

namespace FitCheck.Models.Onnx;

/// <summary>
/// Checks the wiring of a parsed graph and orders its nodes. ONNX requires nodes to be sorted already, but
/// hand-edited and some converted models are not, so the order is computed (Kahn's algorithm, file order
/// among ready nodes) rather than trusted; what cannot be ordered is a cycle.
/// </summary>
internal static class OnnxTopology
{
    public static int[] Sort(OnnxGraph graph, string file)
    {
        var nodes = graph.Nodes;
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs)
            {
                if (output.Length > 0)
                {
                    producer[output] = node.Index;
                }
            }
        }

        var available = new HashSet<string>(graph.Initializers.Keys, StringComparer.Ordinal);
        foreach (var input in graph.Inputs)
        {
            available.Add(input.Name);
        }

        var pending = new int[nodes.Count];
        var consumers = new List<int>?[nodes.Count];
        foreach (var node in nodes)
        {
            foreach (var input in node.Inputs)
            {
                if (input.Length == 0)
                {
                    continue;
                }

                if (producer.TryGetValue(input, out var p))
                {
                    pending[node.Index]++;
                    (consumers[p] ??= []).Add(node.Index);
                }
                else if (!available.Contains(input))
                {
                    throw new FitCheckException(DiagnosticCatalog.OnnxDanglingInput(file, node.DisplayName, node.OpType, input));
                }
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (pending[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<int>(nodes.Count);
        while (ready.TryDequeue(out var i, out _))
        {
            order.Add(i);
            foreach (var c in consumers[i] ?? [])
            {
                if (--pending[c] == 0)
                {
                    ready.Enqueue(c, c);
                }
            }
        }

        if (order.Count < nodes.Count)
        {
            var stuck = nodes.Where(n => pending[n.Index] > 0).Take(5).Select(n => n.DisplayName);
            throw new FitCheckException(DiagnosticCatalog.OnnxCycle(file, stuck));
        }

        return [.. order];
    }
}
