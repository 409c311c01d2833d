namespace FitCheck.Models.Tflite;

/// <summary>
/// One operator as stored: its operator-code name, tensor indices (-1 for an omitted optional input), the
/// scalar fields of its builtin options table by field id, and the length of its custom options (for the
/// Edge TPU's compiled executable) or the integers of its FlexBuffer options map (TFLite_Detection_PostProcess).
/// </summary>
internal sealed record TfliteOperator(
    int Index,
    string Code,
    int[] Inputs,
    int[] Outputs,
    long[] Options,
    long CustomOptionsBytes,
    IReadOnlyDictionary<string, long> CustomOptions,
    long Offset)
{
    /// <summary>Option field <paramref name="id"/>, or <paramref name="fallback"/> when the file omits it (its schema default).</summary>
    public long Option(int id, long fallback = 0) => id < Options.Length && Options[id] != long.MinValue ? Options[id] : fallback;

    public string Display => $"#{Index} {Code}";
}
