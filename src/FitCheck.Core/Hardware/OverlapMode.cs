namespace FitCheck.Hardware;

/// <summary>Whether memory traffic hides behind compute (max per layer) or stalls it (sum per layer).</summary>
public enum OverlapMode
{
    Pipelined,
    Serialized,
}
