using FitCheck.Diagnostics;

namespace FitCheck.Models.Tflite;

/// <summary>
/// Subgraph 0 prepared for translation: which tensors are constants, which operator produces each tensor,
/// and the operators in a topological order (the stored order when it is one, as it is in every converter's
/// output). A tensor produced twice or a dependency cycle is a corrupt file, reported at the operator's offset.
/// </summary>
internal sealed class TfliteGraph
{
    private TfliteGraph(TfliteFile file, TfliteSubgraph main, bool[] constant, int[] order)
    {
        File = file;
        Main = main;
        Constant = constant;
        Order = order;
    }

    public TfliteFile File { get; }

    public TfliteSubgraph Main { get; }

    /// <summary>Per tensor: it holds data in a non-empty buffer.</summary>
    public bool[] Constant { get; }

    public int[] Order { get; }

    public static TfliteGraph Prepare(TfliteFile file, string name)
    {
        var g = file.Subgraphs[0];
        var constant = g.Tensors.Select(t => t.Buffer != 0 && file.Buffers[t.Buffer].Length > 0).ToArray();
        var producer = Enumerable.Repeat(-1, g.Tensors.Length).ToArray();
        foreach (var op in g.Operators)
        {
            foreach (var o in op.Outputs)
            {
                if (producer[o] >= 0 || constant[o])
                {
                    throw new FitCheckException(DiagnosticCatalog.TfliteCorrupt(name, op.Offset,
                        $"operator {op.Display} writes tensor '{DiagnosticCatalog.Clip(g.Tensors[o].Name)}', which "
                        + (constant[o] ? "is a constant" : $"operator #{producer[o]} already writes")));
                }

                producer[o] = op.Index;
            }
        }

        return new TfliteGraph(file, g, constant, Sort(g, producer, name));
    }

    /// <summary>Kahn's algorithm, taking the lowest-numbered ready operator first so a valid stored order is kept.</summary>
    private static int[] Sort(TfliteSubgraph g, int[] producer, string name)
    {
        var ops = g.Operators;
        var pending = new int[ops.Length];
        var dependents = new List<int>[ops.Length];
        for (var i = 0; i < ops.Length; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < ops.Length; i++)
        {
            foreach (var input in ops[i].Inputs.Where(x => x >= 0).Distinct())
            {
                if (producer[input] >= 0)
                {
                    pending[i]++;
                    dependents[producer[input]].Add(i);
                }
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < ops.Length; i++)
        {
            if (pending[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<int>(ops.Length);
        while (ready.TryDequeue(out var i, out _))
        {
            order.Add(i);
            foreach (var d in dependents[i])
            {
                if (--pending[d] == 0)
                {
                    ready.Enqueue(d, d);
                }
            }
        }

        if (order.Count < ops.Length)
        {
            var stuck = ops.First(o => pending[o.Index] > 0);
            throw new FitCheckException(DiagnosticCatalog.TfliteCycle(name, stuck.Offset, stuck.Display));
        }

        return [.. order];
    }
}
