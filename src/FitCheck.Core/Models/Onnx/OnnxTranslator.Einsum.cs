using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>
/// Einsum in its matrix-product forms ("bij,bjk->bik", "bhqd,bhkd->bhqk", with "..." and implicit outputs):
/// the output takes the sizes of its indices, and a product of two operands costs one MAC per combination
/// of all indices (contracted ones included). One operand is a transpose or a reduction: a copy.
/// </summary>
internal sealed partial class OnnxTranslator
{
    private void Einsum()
    {
        var equation = (_node.String("equation") ?? throw Invalid($"attribute 'equation' is missing")).Replace(" ", "", StringComparison.Ordinal);
        var arrow = equation.IndexOf("->", StringComparison.Ordinal);
        var terms = (arrow >= 0 ? equation[..arrow] : equation).Split(',');
        var operands = Enumerable.Range(0, _node.Inputs.Count).Where(i => _node.Input(i) is not null).ToArray();
        if (terms.Length != operands.Length || terms.Length is < 1 or > 2)
        {
            throw Invalid($"equation '{equation}' has {terms.Length} operand(s) for {operands.Length} input(s); FitCheck reads one or two");
        }

        var sizes = new Dictionary<char, long>();
        var ellipsisRank = 0;
        for (var t = 0; t < terms.Length; t++)
        {
            if (terms[t].Contains("...", StringComparison.Ordinal))
            {
                ellipsisRank = Math.Max(ellipsisRank, Value(operands[t]).Rank - (terms[t].Length - 3));
            }
        }

        var expanded = new List<string>();
        for (var t = 0; t < terms.Length; t++)
        {
            var v = Value(operands[t]);
            var labels = ExpandEllipsis(terms[t], v.Rank, ellipsisRank);
            expanded.Add(labels);
            for (var i = 0; i < labels.Length; i++)
            {
                var size = v.Dims[i];
                if (sizes.TryGetValue(labels[i], out var known) && known != size && known != 1 && size != 1)
                {
                    throw ShapeError($"index '{labels[i]}' is {known} in one operand and {size} in another");
                }

                sizes[labels[i]] = Math.Max(known, size);
            }
        }

        var ellipsisLabels = new string(Enumerable.Range(0, ellipsisRank).Select(i => (char)('0' + i)).ToArray());
        string output;
        if (arrow >= 0)
        {
            var declared = equation[(arrow + 2)..];
            output = declared.Replace("...", ellipsisLabels, StringComparison.Ordinal);
        }
        else
        {
            var counts = expanded.SelectMany(l => l).Where(char.IsAsciiLetter).GroupBy(c => c).Where(g => g.Count() == 1).Select(g => g.Key);
            output = ellipsisLabels + new string([.. counts.OrderBy(c => c)]);
        }

        var dims = output.Select(c => sizes.TryGetValue(c, out var s) ? s : throw Invalid($"output index '{c}' appears in no operand")).ToArray();
        var values = operands.Select(Value).ToArray();
        if (values.All(v => v.IsConstant))
        {
            Set(0, OnnxValue.Constant(dims, values[0].DataType));
            return;
        }

        var macs = operands.Length == 2 ? sizes.Values.Aggregate(1L, (p, s) => checked(p * s)) : 0;
        var stored = operands.Sum(StoredElements);
        var layers = values.Where(v => !v.IsConstant).Select(v => v.Layer).ToArray();
        var kind = operands.Length == 1 ? LayerKind.Copy : values.Any(v => v.IsConstant) ? LayerKind.FullyConnected : LayerKind.MatMul;
        SetLayer(_b.Custom(kind, operands.Length == 1 ? "einsum" : "matmul", layers, OnnxShapes.ToShape(dims), stored, 0, macs, Name), dims);
    }

    /// <summary>Replaces "..." in one operand's term with digit labels for the dims it covers (aligned from the right).</summary>
    private string ExpandEllipsis(string term, int rank, int ellipsisRank)
    {
        var at = term.IndexOf("...", StringComparison.Ordinal);
        if (at < 0)
        {
            return term.Length == rank ? term : throw ShapeError($"term '{term}' has {term.Length} indices for a rank-{rank} operand");
        }

        var covered = rank - (term.Length - 3);
        if (covered < 0)
        {
            throw ShapeError($"term '{term}' has more indices than the rank-{rank} operand");
        }

        var labels = new string([.. Enumerable.Range(0, covered).Select(i => (char)('0' + (ellipsisRank - covered) + i))]);
        return term[..at] + labels + term[(at + 3)..];
    }
}
