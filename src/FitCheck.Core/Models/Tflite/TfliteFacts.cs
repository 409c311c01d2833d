using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Units;

namespace FitCheck.Models.Tflite;

/// <summary>
/// What the file itself states about a model beyond its layers: its weight bytes (the constant buffers
/// subgraph 0 reads, each buffer once; an Edge TPU executable's bytes), the precision of its weights and of
/// its activations (they differ for float16 weights dequantized to float32), and notes for the report:
/// the other subgraphs, per-channel quantisation, sparse tensors, custom operators.
/// </summary>
internal sealed record TfliteFacts(long WeightBytes, Precision? WeightPrecision, Precision? ActivationPrecision, IReadOnlyList<string> Notes)
{
    public static TfliteFacts Collect(TfliteGraph graph, string file)
    {
        var g = graph.Main;
        var buffers = new SortedSet<uint>();
        var bytesByType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var weightPrecision = new Dictionary<Precision, long>();
        var activations = new Dictionary<Precision, long>();
        var notes = new List<string>();
        long total = 0;
        int perChannel = 0, sparse = 0, fp16Dequantized = 0;
        var dims = g.Tensors.Select(t => t.Shape.Select(d => (long)d).ToArray()).ToArray();
        var seen = new HashSet<int>();
        foreach (var op in g.Operators)
        {
            foreach (var i in op.Inputs.Where(i => i >= 0))
            {
                var t = g.Tensors[i];
                if (!graph.Constant[i])
                {
                    continue;
                }

                if (seen.Add(i))
                {
                    perChannel += t.QuantizedChannels > 1 ? 1 : 0;
                    sparse += t.IsSparse ? 1 : 0;
                    fp16Dequantized += t.Type == TfliteTensorType.Float16 && op.Code == "DEQUANTIZE" ? 1 : 0;
                }

                if (buffers.Add(t.Buffer))
                {
                    var length = graph.File.Buffers[t.Buffer].Length;
                    total = checked(total + length);
                    var type = TfliteTensorType.Name(t.Type);
                    bytesByType[type] = checked(bytesByType.GetValueOrDefault(type) + length);
                    if (TfliteTensorType.Precision(t.Type) is { } p)
                    {
                        weightPrecision[p] = checked(weightPrecision.GetValueOrDefault(p) + length);
                    }
                }
            }

            var row = TfliteOperators.Find(op.Code);
            if (row?.OptionsAreWeights == true)
            {
                total = checked(total + op.CustomOptionsBytes);
                bytesByType["compiled"] = checked(bytesByType.GetValueOrDefault("compiled") + op.CustomOptionsBytes);
            }

            if (row?.Note is { } note && note(new TfliteOpContext(op, file, dims, graph.Constant, g.Tensors)) is { } text)
            {
                notes.Add(text);
            }

            foreach (var o in op.Outputs)
            {
                if (TfliteTensorType.Precision(g.Tensors[o].Type) is { } p && !graph.Constant[o])
                {
                    activations[p] = checked(activations.GetValueOrDefault(p) + g.Tensors[o].Elements);
                }
            }
        }

        var byType = bytesByType.Count == 0 ? "" : FormattableString.Invariant($" ({string.Join(", ", bytesByType.Select(b => FormattableString.Invariant($"{b.Key} {b.Value}")))})");
        notes.Insert(0, FormattableString.Invariant(
            $"weights: {ByteFormat.Human(total)} ({total} bytes) in {buffers.Count} constant buffers read by subgraph 0, each counted once{byType}"));
        var activation = Majority(activations);
        if (fp16Dequantized > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{fp16Dequantized} weight tensors are stored as float16 and dequantized when the model loads: weight bytes are the stored float16 bytes, activations are {activation?.Name() ?? "float"}"));
        }

        if (perChannel > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{perChannel} weight tensors are quantized per channel"));
        }

        if (sparse > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{sparse} constant tensors are sparse: parameters count their dense elements, weight bytes their stored (compressed) bytes"));
        }

        if (graph.File.Subgraphs.Length > 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"subgraph 0 '{Diagnostics.DiagnosticCatalog.Clip(g.Name)}' is the model analysed; not analysed: {string.Join(", ", graph.File.Subgraphs.Skip(1).Select((s, i) => $"subgraph {i + 1} '{Diagnostics.DiagnosticCatalog.Clip(s.Name)}'"))}"));
        }

        return new TfliteFacts(total, Majority(weightPrecision), activation, notes);
    }

    private static Precision? Majority(Dictionary<Precision, long> counts) =>
        counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;
}
