namespace FitCheck.Models.Tflite;

/// <summary>
/// One tensor of a subgraph as stored: its NHWC shape (a dynamic dimension is stored as 1 and marked -1 in
/// <see cref="Signature"/>), element type, the buffer holding its constant data (0 for none) and where its
/// table sits in the file, for error messages. <see cref="Values"/> holds the contents of small integer
/// constants (reshape shapes, paddings, axes, sizes), which shape inference reads.
/// </summary>
internal sealed record TfliteTensor(
    int Index,
    string Name,
    int[] Shape,
    int[]? Signature,
    int Type,
    uint Buffer,
    bool IsVariable,
    bool IsSparse,
    int QuantizedChannels,
    long[]? Values,
    long Offset)
{
    public long Elements
    {
        get
        {
            long n = 1;
            foreach (var d in Shape)
            {
                n = checked(n * d);
            }

            return n;
        }
    }
}
