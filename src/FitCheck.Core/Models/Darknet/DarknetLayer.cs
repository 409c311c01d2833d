using FitCheck.Diagnostics;

namespace FitCheck.Models.Darknet;

/// <summary>
/// One layer section after its keys were read and checked; only what shapes and costs depend on.
/// Sources are absolute Darknet indices (0 = the first section after [net]), already checked to point backwards.
/// </summary>
internal sealed record DarknetLayer
{
    public required DarknetLayerKind Kind { get; init; }

    /// <summary>The section name as written (e.g. "conv" for an alias), for messages.</summary>
    public required string Section { get; init; }

    public required SourceLocation At { get; init; }

    /// <summary>filters=, output= (connected, recurrent), out_channels= (depth pooling), filters= of [implicit].</summary>
    public long Filters { get; init; }

    /// <summary>hidden= of [rnn] and [crnn].</summary>
    public long Hidden { get; init; }

    public int Size { get; init; }
    public int StrideX { get; init; } = 1;
    public int StrideY { get; init; } = 1;
    public int Pad { get; init; }
    public int Dilation { get; init; } = 1;
    public int Groups { get; init; } = 1;
    public int GroupId { get; init; }

    /// <summary>Null for Darknet's "linear" (no activation).</summary>
    public string? Activation { get; init; }

    public int[] Sources { get; init; } = [];

    /// <summary>[reorg] reverse=1 (depth-to-space) and [upsample] with a negative stride (downsampling).</summary>
    public bool Reverse { get; init; }

    /// <summary>[maxpool] maxpool_depth=1: the maximum over channels, not over a window.</summary>
    public bool PoolDepth { get; init; }

    /// <summary>[crop] crop_width= and crop_height=.</summary>
    public int CropWidth { get; init; }
    public int CropHeight { get; init; }

    /// <summary>[reorg] extra= (pjreddie): the output is the input flattened plus this many values.</summary>
    public long Extra { get; init; }

    /// <summary>[implicit] atoms=; [history] history_size=.</summary>
    public int Count { get; init; } = 1;

    /// <summary>[shortcut] weights_type=: learned weights per input (per_feature) or per input and channel (per_channel).</summary>
    public ShortcutWeights ShortcutWeights { get; init; }

    /// <summary>[scale_channels] scale_wh=1: the scale is per position (1 x H x W), not per channel.</summary>
    public bool ScaleSpatial { get; init; }

    /// <summary>[convolutional] share_index=: the weights are another layer's, so they are not counted again.</summary>
    public bool SharesWeights { get; init; }

    /// <summary>[conv_lstm] peephole=1 adds three state convolutions; bottleneck=1 merges the state convolutions.</summary>
    public bool Peephole { get; init; }
    public bool Bottleneck { get; init; }
}

internal enum ShortcutWeights
{
    None,
    PerFeature,
    PerChannel,
}
