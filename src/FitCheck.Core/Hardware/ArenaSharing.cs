namespace FitCheck.Hardware;

/// <summary>
/// How the activation arenas of models deployed together share memory: models that run one after another
/// reuse one region as large as the largest arena; models that run at the same time each need their own.
/// </summary>
public enum ArenaSharing
{
    /// <summary>One region, max of the members' arenas.</summary>
    Sequential,

    /// <summary>Side by side, the sum of the members' arenas.</summary>
    Concurrent,
}
