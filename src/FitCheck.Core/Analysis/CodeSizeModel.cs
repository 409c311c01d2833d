namespace FitCheck.Analysis;

/// <summary>
/// Constants of the code-size estimate: code = runtime + distinct kernels x per-kernel + layers x per-layer.
/// Vendors do not publish these, so the defaults are stated assumptions, shown in every report.
/// </summary>
public sealed record CodeSizeModel(long RuntimeBytes, long PerKernelBytes, long PerLayerBytes)
{
    /// <summary>
    /// 64 KiB runtime (TFLite Micro's interpreter core is of this order), 16 KiB per optimised kernel,
    /// 128 B of command stream per layer (a descriptor with addresses, shapes and quantisation).
    /// </summary>
    public static readonly CodeSizeModel Default = new(64 * 1024, 16 * 1024, 128);
}
