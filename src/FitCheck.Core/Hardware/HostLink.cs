namespace FitCheck.Hardware;

/// <summary>
/// The link to the host that every inference crosses: the input tensor goes in and the outputs come back at
/// <see cref="BytesPerSecond"/>, plus <see cref="OverheadSeconds"/> fixed per invocation (driver, interrupt).
/// </summary>
public sealed record HostLink(double BytesPerSecond, double OverheadSeconds);
