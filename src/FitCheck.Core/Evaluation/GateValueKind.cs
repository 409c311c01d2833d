namespace FitCheck.Evaluation;

/// <summary>What a gate's manifest value is, and so how the manifest reader parses it.</summary>
public enum GateValueKind
{
    /// <summary>The gate has no manifest key (derived from others, or set on the command line).</summary>
    None,

    /// <summary>Where an item must fit: `on-chip`, `anywhere` or a memory tier's name.</summary>
    Target,

    /// <summary>A size such as `8 MiB`.</summary>
    Bytes,

    /// <summary>A rate such as `30 fps`.</summary>
    FrameRate,

    /// <summary>A time such as `20 ms`.</summary>
    Duration,

    /// <summary>A bandwidth such as `2 GB/s`; zero is a real budget ("never stream from DRAM").</summary>
    Bandwidth,
}
