namespace FitCheck.Graph;

/// <summary>
/// An NCHW shape. Sequence models (ViT tokens) use H = tokens, W = 1. All dimensions are 64-bit and
/// products are checked, so a 16K x 16K input at batch 64 reports an error instead of wrapping.
/// </summary>
public readonly record struct TensorShape(long N, long C, long H, long W)
{
    public long Elements => checked(N * C * H * W);

    public long ElementsPerItem => checked(C * H * W);

    public override string ToString() => $"{N}x{C}x{H}x{W}";
}
