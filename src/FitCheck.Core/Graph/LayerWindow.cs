namespace FitCheck.Graph;

/// <summary>
/// The vertical sliding window of a convolution or pooling layer: kernel rows, stride, top padding and
/// dilation. Which input rows an output row reads follows from it (output row r reads input rows
/// r x stride - padTop .. r x stride - padTop + dilation x (kernel - 1)); striped execution needs exactly that.
/// <see cref="Transposed"/> marks a transposed convolution (input row i feeds output rows i x stride - padTop ..
/// i x stride - padTop + kernel - 1).
/// </summary>
public readonly record struct LayerWindow(int Kernel, int Stride, int PadTop, int Dilation, bool Transposed = false)
{
    /// <summary>Rows of the input the window spans at once: dilation x (kernel - 1) + 1.</summary>
    public long Span => (long)Dilation * (Kernel - 1) + 1;
}
