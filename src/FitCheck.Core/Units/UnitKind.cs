namespace FitCheck.Units;

/// <summary>The physical quantity a unit string measures; a unit of the wrong kind is its own error.</summary>
public enum UnitKind
{
    Size,
    Bandwidth,
    Compute,
    Frequency,
    Percent,
    Duration,
    FrameRate,
}
