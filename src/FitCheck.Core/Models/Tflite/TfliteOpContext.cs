using FitCheck.Diagnostics;

namespace FitCheck.Models.Tflite;

/// <summary>
/// What an operator row sees while the translator visits one operator: its options, its input dims (the
/// stored ones, or inferred ones for a dynamic input), which inputs are constants and their small integer
/// values, and the stored dims of its outputs.
/// </summary>
internal sealed class TfliteOpContext(TfliteOperator op, string file, long[][] dims, bool[] constant, TfliteTensor[] tensors)
{
    public TfliteOperator Op => op;

    public int InputCount => op.Inputs.Length;

    public int OutputCount => op.Outputs.Length;

    public bool Has(int slot) => slot < op.Inputs.Length && op.Inputs[slot] >= 0;

    public long[] In(int slot) => Has(slot) ? dims[op.Inputs[slot]] : throw Fail($"input {slot} is missing");

    public bool IsConstant(int slot) => Has(slot) && constant[op.Inputs[slot]];

    /// <summary>The contents of a small integer constant input (a shape, axes, paddings, a size), or null.</summary>
    public long[]? Values(int slot) => Has(slot) ? tensors[op.Inputs[slot]].Values : null;

    public long[] StoredOut(int index) => tensors[op.Outputs[index]].Shape.Select(d => (long)d).ToArray();

    public long Option(int id, long fallback = 0) => op.Option(id, fallback);

    /// <summary>The dims of the outputs: stored, or inferred for a dynamic input. Set before MACs are counted.</summary>
    public long[][] Out { get; set; } = [];

    public FitCheckException Fail(string reason) =>
        new(DiagnosticCatalog.TfliteInvalidOperator(file, op.Offset, op.Display, reason));

    public static long Elements(long[] dims)
    {
        long n = 1;
        foreach (var d in dims)
        {
            n = checked(n * d);
        }

        return n;
    }

    public static string Format(long[] dims) => "[" + string.Join(", ", dims) + "]";
}
