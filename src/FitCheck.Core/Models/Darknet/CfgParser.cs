using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Darknet;

/// <summary>
/// Turns raw sections into checked <see cref="DarknetLayer"/>s: known sections and keys, numbers in range,
/// layer references pointing backwards. Everything that does not depend on the input resolution is
/// rejected here, once, at load time. Defaults are Darknet's own (parser.c of both forks).
/// </summary>
internal static class CfgParser
{
    // Generous bounds: the largest published Darknet layers have a few thousand filters and 7x7 kernels.
    private const int MaxFilters = 1 << 20;
    private const int MaxWindow = 1024;
    private const int MaxTimeSteps = 1 << 16;

    private static readonly string[] ShortcutWeightTypes = ["none", "per_feature", "per_layer", "per_channel"];

    public static ParsedCfg Parse(List<CfgSection> sections, string file)
    {
        if (sections.Count == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.CfgEmpty(file));
        }

        var net = new CfgSectionReader(sections[0], file);
        if (!DarknetKeys.NetNames.Contains(net.Name))
        {
            throw new FitCheckException(DiagnosticCatalog.CfgMissingNet(net.Name, net.At));
        }

        net.RejectUnknownKeys(DarknetKeys.Net);
        // Darknet accepts a [net] with only inputs= (its text and sequence models): a vector, here 1 x 1 x inputs.
        var isVector = net.Has("inputs") && !net.Has("width") && !net.Has("height") && !net.Has("channels");
        var width = isVector ? 1 : net.RequiredInt("width", 1, Resolution.MaxSide);
        var height = isVector ? 1 : net.RequiredInt("height", 1, Resolution.MaxSide);
        var channels = isVector ? net.RequiredInt("inputs", 1, MaxFilters) : net.RequiredInt("channels", 1, MaxFilters);

        var layers = new List<DarknetLayer>(sections.Count - 1);
        for (var i = 1; i < sections.Count; i++)
        {
            layers.Add(ParseLayer(new CfgSectionReader(sections[i], file), layers));
        }

        return new ParsedCfg(width, height, channels, layers)
        {
            TimeSteps = net.Int("time_steps", 1, 1, MaxTimeSteps),
            IsVector = isVector,
        };
    }

    private static DarknetLayer ParseLayer(CfgSectionReader s, List<DarknetLayer> earlier)
    {
        var index = earlier.Count;
        if (!DarknetKeys.Layers.TryGetValue(s.Name, out var kind))
        {
            if (DarknetKeys.NetNames.Contains(s.Name))
            {
                throw new FitCheckException(DiagnosticCatalog.CfgMisplacedNet(s.At));
            }

            var suggestion = CfgSectionReader.Closest(s.Name, DarknetKeys.Layers.Keys.Concat(DarknetKeys.NetNames));
            throw new FitCheckException(DiagnosticCatalog.CfgUnknownSection(s.Name, suggestion, DarknetKeys.LayerNames.Prepend("net"), s.At));
        }

        s.RejectUnknownKeys(DarknetKeys.For(kind));
        var layer = new DarknetLayer { Kind = kind, Section = s.Name, At = s.At };
        return kind switch
        {
            DarknetLayerKind.Convolutional => Convolutional(s, layer, earlier),
            DarknetLayerKind.Deconvolutional => Deconvolutional(s, layer),
            DarknetLayerKind.Local => Local(s, layer),
            DarknetLayerKind.MaxPool => Pool(s, layer, depth: true),
            DarknetLayerKind.LocalAvgPool => Pool(s, layer, depth: false),
            DarknetLayerKind.Shortcut => layer with
            {
                Sources = References(s, "from", index),
                Activation = s.Activation("linear"),
                ShortcutWeights = s.Choice("weights_type", "none", ShortcutWeightTypes) switch
                {
                    "per_feature" or "per_layer" => ShortcutWeights.PerFeature,
                    "per_channel" => ShortcutWeights.PerChannel,
                    _ => ShortcutWeights.None,
                },
            },
            DarknetLayerKind.Route => Route(s, layer, index),
            DarknetLayerKind.Upsample => Upsample(s, layer),
            DarknetLayerKind.Connected => layer with
            {
                Filters = s.Long("output", 1, 1, MaxFilters),
                Activation = s.Activation("logistic"),
            },
            DarknetLayerKind.Reorg => Reorg(s, layer),
            DarknetLayerKind.Crop => layer with
            {
                CropHeight = s.Int("crop_height", 1, 1, Resolution.MaxSide),
                CropWidth = s.Int("crop_width", 1, 1, Resolution.MaxSide),
            },
            DarknetLayerKind.Normalization => layer with { Size = s.Int("size", 5, 1, MaxWindow) },
            DarknetLayerKind.Activation => layer with { Activation = s.Activation("linear") },
            DarknetLayerKind.Rnn => layer with
            {
                Filters = s.Long("output", 1, 1, MaxFilters),
                Hidden = s.Long("hidden", 1, 1, MaxFilters),
                Activation = s.Activation("logistic"),
            },
            DarknetLayerKind.Gru or DarknetLayerKind.Lstm => layer with { Filters = s.Long("output", 1, 1, MaxFilters) },
            DarknetLayerKind.Crnn => Crnn(s, layer),
            DarknetLayerKind.ConvLstm => ConvLstm(s, layer),
            DarknetLayerKind.History => layer with { Count = s.Int("history_size", 4, 1, MaxWindow) },
            DarknetLayerKind.Sam => layer with { Sources = References(s, "from", index), Activation = s.Activation("linear") },
            DarknetLayerKind.ScaleChannels => layer with
            {
                Sources = References(s, "from", index),
                ScaleSpatial = s.Int("scale_wh", 0, 0, 1) == 1,
                Activation = s.Activation("linear"),
            },
            DarknetLayerKind.Implicit => layer with
            {
                Filters = s.Long("filters", 128, 1, MaxFilters),
                Count = s.Int("atoms", 1, 1, MaxFilters),
            },
            _ => layer,
        };
    }

    private static DarknetLayer Convolutional(CfgSectionReader s, DarknetLayer layer, List<DarknetLayer> earlier)
    {
        s.RejectUnless("antialiasing", v => v == 0, "anti-aliased downsampling adds a blur layer FitCheck does not model");
        s.RejectUnless("coordconv", v => v == 0, "coordinate channels are not modelled");
        var size = s.Int("size", 1, 1, MaxWindow);
        var stride = s.Int("stride", 1, 1, MaxWindow);
        var filters = s.Long("filters", 1, 1, MaxFilters);
        var groups = s.Int("groups", 1, 1, MaxFilters);
        var padFlag = s.Int("pad", 0, 0, 1);
        var padding = s.Int("padding", 0, 0, MaxWindow);
        _ = s.Int("batch_normalize", 0, 0, 1);
        var conv = layer with
        {
            Filters = filters,
            Size = size,
            StrideX = s.Int("stride_x", stride, 1, MaxWindow),
            StrideY = s.Int("stride_y", stride, 1, MaxWindow),
            Pad = padFlag == 1 ? size / 2 : padding,
            Groups = groups,
            // Darknet ignores the dilation of a 1x1 kernel.
            Dilation = size == 1 ? 1 : s.Int("dilation", 1, 1, MaxWindow),
            Activation = s.Activation("logistic"),
        };
        if (!s.Has("share_index"))
        {
            return conv;
        }

        // Trident networks run one set of weights at several dilations: the weights are counted once, at their owner.
        var owner = References(s, "share_index", earlier.Count)[0];
        var shared = earlier[owner];
        if (shared.Kind != DarknetLayerKind.Convolutional || shared.Filters != filters || shared.Size != size || shared.Groups != groups)
        {
            s.RejectUnless("share_index", _ => false,
                FormattableString.Invariant($"layer {owner} must be a [convolutional] with the same filters, size and groups to share its weights"));
        }

        return conv with { SharesWeights = true };
    }

    private static DarknetLayer Deconvolutional(CfgSectionReader s, DarknetLayer layer)
    {
        var size = s.Int("size", 1, 1, MaxWindow);
        var stride = s.Int("stride", 1, 1, MaxWindow);
        var padFlag = s.Int("pad", 0, 0, 1);
        var padding = s.Int("padding", 0, 0, MaxWindow);
        _ = s.Int("batch_normalize", 0, 0, 1);
        return layer with
        {
            Filters = s.Long("filters", 1, 1, MaxFilters),
            Size = size,
            StrideX = stride,
            StrideY = stride,
            Pad = padFlag == 1 ? size / 2 : padding,
            Activation = s.Activation("logistic"),
        };
    }

    /// <summary>Locally connected: pad=1 keeps (size − 1) of the border, pad=0 none (local_out_height).</summary>
    private static DarknetLayer Local(CfgSectionReader s, DarknetLayer layer)
    {
        var stride = s.Int("stride", 1, 1, MaxWindow);
        return layer with
        {
            Filters = s.Long("filters", 1, 1, MaxFilters),
            Size = s.Int("size", 1, 1, MaxWindow),
            StrideX = stride,
            StrideY = stride,
            Pad = s.Int("pad", 0, 0, 1),
            Activation = s.Activation("logistic"),
        };
    }

    /// <summary>[maxpool] and [local_avgpool]: Darknet pads size − 1 in total by default, split begin/end.</summary>
    private static DarknetLayer Pool(CfgSectionReader s, DarknetLayer layer, bool depth)
    {
        s.RejectUnless("antialiasing", v => v == 0, "anti-aliased downsampling adds a blur layer FitCheck does not model");
        var stride = s.Int("stride", 1, 1, MaxWindow);
        var size = s.Int("size", stride, 1, MaxWindow);
        var pooled = layer with
        {
            Size = size,
            StrideX = s.Int("stride_x", stride, 1, MaxWindow),
            StrideY = s.Int("stride_y", stride, 1, MaxWindow),
            Pad = s.Int("padding", size - 1, 0, MaxWindow),
        };
        if (!depth || s.Int("maxpool_depth", 0, 0, 1) == 0)
        {
            return pooled;
        }

        // Pooling across channels keeps the map (Darknet forces stride 1) and gives out_channels maps.
        return pooled with { PoolDepth = true, Filters = s.Long("out_channels", 1, 1, MaxFilters), StrideX = 1, StrideY = 1 };
    }

    private static DarknetLayer Route(CfgSectionReader s, DarknetLayer layer, int index)
    {
        var groups = s.Int("groups", 1, 1, MaxFilters);
        return layer with
        {
            Sources = References(s, "layers", index),
            Groups = groups,
            GroupId = s.Int("group_id", 0, 0, groups - 1),
        };
    }

    /// <summary>A negative stride downsamples by its magnitude (upsample_layer.c's reverse).</summary>
    private static DarknetLayer Upsample(CfgSectionReader s, DarknetLayer layer)
    {
        var stride = s.Int("stride", 2, -MaxWindow, MaxWindow);
        if (stride == 0)
        {
            s.RejectUnless("stride", v => v != 0, "a stride of 0 scales nothing");
        }

        var magnitude = Math.Abs(stride);
        return layer with { StrideX = magnitude, StrideY = magnitude, Reverse = stride < 0 };
    }

    private static DarknetLayer Reorg(CfgSectionReader s, DarknetLayer layer)
    {
        var stride = s.Int("stride", 1, 1, MaxWindow);
        return layer with
        {
            StrideX = stride,
            StrideY = stride,
            Reverse = s.Int("reverse", 0, 0, 1) == 1,
            Extra = s.Long("extra", 0, 0, MaxFilters),
        };
    }

    private static DarknetLayer Crnn(CfgSectionReader s, DarknetLayer layer)
    {
        var size = s.Int("size", 3, 1, MaxWindow);
        var stride = s.Int("stride", 1, 1, MaxWindow);
        var padFlag = s.Int("pad", 0, 0, 1);
        var padding = s.Int("padding", 0, 0, MaxWindow);
        // AlexeyAB names them output= and hidden=, pjreddie output_filters= and hidden_filters=.
        var output = s.Long("output", s.Long("output_filters", 1, 1, MaxFilters), 1, MaxFilters);
        return layer with
        {
            Filters = output,
            Hidden = s.Long("hidden", s.Long("hidden_filters", 1, 1, MaxFilters), 1, MaxFilters),
            Size = size,
            StrideX = stride,
            StrideY = stride,
            Pad = padFlag == 1 ? size / 2 : padding,
            Dilation = s.Int("dilation", 1, 1, MaxWindow),
            Groups = s.Int("groups", 1, 1, MaxFilters),
            Activation = s.Activation("logistic"),
        };
    }

    private static DarknetLayer ConvLstm(CfgSectionReader s, DarknetLayer layer)
    {
        var size = s.Int("size", 3, 1, MaxWindow);
        var stride = s.Int("stride", 1, 1, MaxWindow);
        var padFlag = s.Int("pad", 0, 0, 1);
        var padding = s.Int("padding", 0, 0, MaxWindow);
        return layer with
        {
            Filters = s.Long("output", 1, 1, MaxFilters),
            Size = size,
            StrideX = stride,
            StrideY = stride,
            Pad = padFlag == 1 ? size / 2 : padding,
            Dilation = s.Int("dilation", 1, 1, MaxWindow),
            Groups = s.Int("groups", 1, 1, MaxFilters),
            Activation = s.Activation("linear"),
            Peephole = s.Int("peephole", 0, 0, 1) == 1,
            Bottleneck = s.Int("bottleneck", 0, 0, 1) == 1,
        };
    }

    /// <summary>Darknet's rule: a negative index counts back from this layer, a non-negative one is absolute.</summary>
    private static int[] References(CfgSectionReader s, string key, int index)
    {
        var items = s.RequiredList(key, int.MinValue, int.MaxValue);
        var sources = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var (written, at) = items[i];
            var resolved = written < 0 ? index + written : written;
            if (resolved < 0 || resolved >= index)
            {
                throw new FitCheckException(DiagnosticCatalog.CfgBadLayerReference(s.Name, key, written, resolved, index, at));
            }

            sources[i] = (int)resolved;
        }

        return sources;
    }
}
