using System.Text;
using FitCheck.Diagnostics;

namespace FitCheck.Models.Onnx;

/// <summary>
/// The registry of supported ONNX operators: one row per operator (domain, name, family, translator,
/// notes). The translator dispatches through it, the importer checks a file against it before any work,
/// and the README's operator table and `dotnet fitcheck zoo --operators` are generated from it.
/// </summary>
public static class OnnxOperators
{
    private static readonly Dictionary<(string Domain, string Name), OnnxOperator> ByName =
        OnnxTranslator.Registry.ToDictionary(o => (o.Domain, o.Name));

    public static IReadOnlyList<OnnxOperator> All { get; } = [.. OnnxTranslator.Registry.OrderBy(o => o.Domain, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)];

    /// <summary>Whether FitCheck translates <paramref name="opType"/> of <paramref name="domain"/> ("" or "ai.onnx" for the default set).</summary>
    public static bool IsSupported(string opType, string domain = "") => Find(domain, opType) is not null;

    internal static OnnxOperator? Find(string domain, string opType) =>
        ByName.TryGetValue((domain == "ai.onnx" ? "" : domain, opType), out var op) ? op : null;

    /// <summary>
    /// Every operator of the graph (bodies of If/Loop/Scan included) that is not in the registry, with its node
    /// count and first node, most frequent first: so a user learns all of them in one run.
    /// </summary>
    internal static List<DiagnosticCatalog.UnsupportedOperator> Unsupported(OnnxGraph graph)
    {
        var found = new Dictionary<string, (int Count, string First, OnnxNode Node)>(StringComparer.Ordinal);
        Walk(graph, found);
        return [.. found.OrderByDescending(f => f.Value.Count).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new DiagnosticCatalog.UnsupportedOperator(f.Key, f.Value.Count, f.Value.First, Suggestion(f.Value.Node)))];
    }

    private static void Walk(OnnxGraph graph, Dictionary<string, (int Count, string First, OnnxNode Node)> found)
    {
        foreach (var node in graph.Nodes)
        {
            if (Find(node.Domain, node.OpType) is null)
            {
                var key = node.Domain is "" or "ai.onnx" ? node.OpType : $"{node.Domain}.{node.OpType}";
                found[key] = found.TryGetValue(key, out var f) ? (f.Count + 1, f.First, f.Node) : (1, node.DisplayName, node);
            }

            foreach (var body in OnnxTopology.Bodies(node))
            {
                Walk(body, found);
            }
        }
    }

    /// <summary>
    /// Did-you-mean only for a likely typo or a case slip: one edit away (two for names of eight letters or
    /// more), never across unrelated short names (Max is not Mul, Pow is not Log).
    /// </summary>
    internal static string? Suggestion(OnnxNode node)
    {
        var name = node.OpType;
        if (name.Length > 64)
        {
            return null;
        }

        var allowed = name.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var op in All)
        {
            var d = string.Equals(op.Name, name, StringComparison.OrdinalIgnoreCase) ? 0 : Suggest.Distance(name, op.Name);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = op.QualifiedName;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    /// <summary>The operator table in Markdown, one row per operator grouped by family (the README embeds it).</summary>
    public static string MarkdownTable()
    {
        var text = new StringBuilder();
        text.Append("| family | operators | how FitCheck counts them |\n|---|---|---|\n");
        foreach (var family in All.GroupBy(o => o.Family).OrderBy(g => g.Key))
        {
            foreach (var notes in family.GroupBy(o => o.Notes))
            {
                text.Append("| ").Append(FamilyName(family.Key)).Append(" | ")
                    .Append(string.Join(", ", notes.Select(o => $"`{o.QualifiedName}`")))
                    .Append(" | ").Append(notes.Key).Append(" |\n");
            }
        }

        return text.ToString();
    }

    public static string FamilyName(OnnxOperatorFamily family) => family switch
    {
        OnnxOperatorFamily.DataMovement => "data movement",
        OnnxOperatorFamily.ShapeArithmetic => "shape arithmetic",
        OnnxOperatorFamily.PostProcessing => "post-processing",
        _ => family.ToString().ToLowerInvariant(),
    };
}
