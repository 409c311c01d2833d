using FitCheck.Graph;

namespace FitCheck.Evaluation;

/// <summary>
/// One model at one resolution in a sweep: its memory figures and, per accelerator (in the order given),
/// the estimated fps (null when it does not fit there).
/// </summary>
public sealed record SweepPoint(
    string Model,
    Resolution Resolution,
    long WeightBytes,
    long ActivationBytes,
    long CodeBytes,
    IReadOnlyList<double?> Fps)
{
    public double Megapixels => Resolution.Megapixels;

    public long TotalBytes => checked(WeightBytes + ActivationBytes);
}
