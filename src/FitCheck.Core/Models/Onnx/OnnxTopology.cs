using FitCheck.Diagnostics;

namespace FitCheck.Models.Onnx;

/// <summary>
/// Checks the wiring of a parsed graph and orders its nodes. ONNX requires nodes to be sorted already, but
/// hand-edited and some converted models are not, so the order is computed (Kahn's algorithm, file order
/// among ready nodes) rather than trusted; what cannot be ordered is a cycle.
/// </summary>
internal static class OnnxTopology
{
    /// <summary>
    /// Orders <paramref name="graph"/> and, recursively, the bodies of its If/Loop/Scan nodes. A body may read
    /// names of the scopes around it (<paramref name="outer"/>); the node that owns the body depends on them.
    /// </summary>
    public static int[] Sort(OnnxGraph graph, string file, IReadOnlySet<string>? outer = null)
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

        if (outer is not null)
        {
            available.UnionWith(outer);
        }

        // What a body can see: everything in this scope (every node output, whatever the order) and around it.
        var visible = new HashSet<string>(available, StringComparer.Ordinal);
        visible.UnionWith(producer.Keys);
        var pending = new int[nodes.Count];
        var consumers = new List<int>?[nodes.Count];
        foreach (var node in nodes)
        {
            var reads = new List<string>(node.Inputs);
            foreach (var body in Bodies(node))
            {
                body.Order = Sort(body, file, visible);
                reads.AddRange(FreeNames(body).Where(producer.ContainsKey));
            }

            foreach (var input in reads.Distinct())
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

    public static IEnumerable<OnnxGraph> Bodies(OnnxNode node) => node.Attributes.Where(a => a.G is not null).Select(a => a.G!);

    /// <summary>Names a body (and the bodies inside it) reads but does not define: values of the enclosing scopes.</summary>
    public static HashSet<string> FreeNames(OnnxGraph body)
    {
        var defined = new HashSet<string>(body.Initializers.Keys, StringComparer.Ordinal);
        defined.UnionWith(body.Inputs.Select(i => i.Name));
        defined.UnionWith(body.Nodes.SelectMany(n => n.Outputs));
        var free = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in body.Nodes)
        {
            free.UnionWith(node.Inputs.Where(i => i.Length > 0 && !defined.Contains(i)));
            foreach (var inner in Bodies(node))
            {
                free.UnionWith(FreeNames(inner).Where(n => !defined.Contains(n)));
            }
        }

        foreach (var output in body.Outputs)
        {
            if (!defined.Contains(output.Name))
            {
                free.Add(output.Name);
            }
        }

        return free;
    }
}
