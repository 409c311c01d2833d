namespace FitCheck.Models.Tflite;

/// <summary>
/// A structural fault in the FlatBuffer found at <see cref="Offset"/>; <see cref="TfliteReader"/> turns it
/// into an FC08xx diagnostic naming the file, so the low-level reader need not know the file's name.
/// </summary>
internal sealed class TfliteFormatException(TfliteFault fault, long offset, string what, long index = 0, long count = 0) : Exception(what)
{
    public TfliteFault Fault { get; } = fault;
    public long Offset { get; } = offset;
    public string What { get; } = what;
    public long Index { get; } = index;
    public long Count { get; } = count;
}

internal enum TfliteFault
{
    /// <summary>Something would be read past the end of the file.</summary>
    PastEnd,
    /// <summary>An offset, vtable or value that no valid FlatBuffer has.</summary>
    Corrupt,
    /// <summary>An index into the model's tensors, buffers or operator codes past their end.</summary>
    Index,
    /// <summary>A vector longer than any real model needs.</summary>
    TooLarge,
}
