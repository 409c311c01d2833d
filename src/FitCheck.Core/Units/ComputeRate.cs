namespace FitCheck.Units;

/// <summary>
/// A peak compute rate. Vendors quote TOPS counting a multiply-accumulate as two operations, so
/// <see cref="MacsPerSecond"/> is half of <see cref="OpsPerSecond"/>.
/// </summary>
public readonly record struct ComputeRate(double OpsPerSecond)
{
    public double MacsPerSecond => OpsPerSecond / 2;
}
