namespace FitCheck.Models.Onnx;

/// <summary>
/// An initializer or constant as FitCheck keeps it: name, type and dims. The payload is never kept, except the
/// values of small integer and float tensors (shapes, scales, slice bounds) that shape inference needs.
/// </summary>
internal sealed class OnnxTensor
{
    /// <summary>Above this many elements a tensor is data, not configuration, and its payload is skipped.</summary>
    public const int MaxValueElements = 64;

    public string Name { get; set; } = "";

    public List<long> Dims { get; } = [];

    public int DataType { get; set; }

    /// <summary>data_location = EXTERNAL: the payload lives in another file; only dims count.</summary>
    public bool External { get; set; }

    /// <summary>Byte offset of the TensorProto in the file, for messages.</summary>
    public long Offset { get; set; }

    public long[]? Ints { get; set; }

    public double[]? Floats { get; set; }

    public long ElementCount()
    {
        long n = 1;
        foreach (var d in Dims)
        {
            n = checked(n * d);
        }

        return n;
    }

    /// <summary>The element count when dims are known to be small, or -1: decides whether a payload is worth decoding.</summary>
    public long SmallElementCount()
    {
        long n = 1;
        foreach (var d in Dims)
        {
            if (d < 0 || d > MaxValueElements)
            {
                return -1;
            }

            n *= d;
            if (n > MaxValueElements)
            {
                return -1;
            }
        }

        return n;
    }
}
