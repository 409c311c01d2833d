using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Darknet;

/// <summary>
/// Turns raw sections into checked <see cref="DarknetLayer"/>s: known sections and keys, numbers in range,
/// layer references pointing backwards. Everything that does not depend on the input resolution is
/// rejected here, once, at load time.
/// </summary>
internal static class CfgParser
{
    // Generous bounds: the largest published Darknet layers have a few thousand filters and 7x7 kernels.
    private const int MaxFilters = 1 << 20;
    private const int MaxWindow = 1024;

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
        var width = net.RequiredInt("width", 1, Resolution.MaxSide);
        var height = net.RequiredInt("height", 1, Resolution.MaxSide);
        var channels = net.RequiredInt("channels", 1, MaxFilters);

        var layers = new List<DarknetLayer>(sections.Count - 1);
        for (var i = 1; i < sections.Count; i++)
        {
            layers.Add(ParseLayer(new CfgSectionReader(sections[i], file), layers.Count));
        }

        return new ParsedCfg(width, height, channels, layers);
    }

    private static DarknetLayer ParseLayer(CfgSectionReader s, int index)
    {
        if (!DarknetKeys.Layers.TryGetValue(s.Name, out var kind))
        {
            if (DarknetKeys.NetNames.Contains(s.Name))
            {
                throw new FitCheckException(DiagnosticCatalog.CfgMisplacedNet(s.At));
            }

            if (DarknetKeys.Unmodelled.Contains(s.Name))
            {
                throw new FitCheckException(DiagnosticCatalog.CfgUnsupportedSection(s.Name, s.At));
            }

            var suggestion = CfgSectionReader.Closest(s.Name, DarknetKeys.Layers.Keys.Concat(DarknetKeys.NetNames));
            throw new FitCheckException(DiagnosticCatalog.CfgUnknownSection(s.Name, suggestion, DarknetKeys.LayerNames.Prepend("net"), s.At));
        }

        s.RejectUnknownKeys(DarknetKeys.For(kind));
        var layer = new DarknetLayer { Kind = kind, Section = s.Name, At = s.At };
        return kind switch
        {
            DarknetLayerKind.Convolutional => Convolutional(s, layer),
            DarknetLayerKind.MaxPool => MaxPool(s, layer),
            DarknetLayerKind.Shortcut => layer with
            {
                Sources = References(s, "from", index),
                Activation = s.Activation("linear"),
            },
            DarknetLayerKind.Route => Route(s, layer, index),
            DarknetLayerKind.Upsample => Upsample(s, layer),
            DarknetLayerKind.Connected => layer with
            {
                Filters = s.Long("output", 1, 1, MaxFilters),
                Activation = s.Activation("logistic"),
            },
            DarknetLayerKind.Reorg => Reorg(s, layer),
            _ => layer,
        };
    }

    private static DarknetLayer Convolutional(CfgSectionReader s, DarknetLayer layer)
    {
        s.RejectUnless("antialiasing", v => v == 0, "anti-aliased downsampling adds a blur layer FitCheck does not model");
        s.RejectUnless("share_index", _ => false, "weights shared with another layer are not modelled");
        s.RejectUnless("coordconv", v => v == 0, "coordinate channels are not modelled");
        var size = s.Int("size", 1, 1, MaxWindow);
        var stride = s.Int("stride", 1, 1, MaxWindow);
        var filters = s.Long("filters", 1, 1, MaxFilters);
        var groups = s.Int("groups", 1, 1, MaxFilters);
        var padFlag = s.Int("pad", 0, 0, 1);
        var padding = s.Int("padding", 0, 0, MaxWindow);
        _ = s.Int("batch_normalize", 0, 0, 1);
        return layer with
        {
            Filters = filters,
            Size = size,
            StrideX = s.Int("stride_x", stride, 1, MaxWindow),
            StrideY = s.Int("stride_y", stride, 1, MaxWindow),
            Pad = padFlag == 1 ? size / 2 : padding,
            Groups = groups,
            Dilation = s.Int("dilation", 1, 1, MaxWindow),
            Activation = s.Activation("logistic"),
        };
    }

    private static DarknetLayer MaxPool(CfgSectionReader s, DarknetLayer layer)
    {
        s.RejectUnless("maxpool_depth", v => v == 0, "pooling across channels is not modelled");
        s.RejectUnless("antialiasing", v => v == 0, "anti-aliased downsampling adds a blur layer FitCheck does not model");
        var stride = s.Int("stride", 1, 1, MaxWindow);
        s.RejectUnless("stride_x", v => v == stride, "different horizontal and vertical strides are not modelled for pooling");
        s.RejectUnless("stride_y", v => v == stride, "different horizontal and vertical strides are not modelled for pooling");
        var size = s.Int("size", stride, 1, MaxWindow);
        return layer with
        {
            Size = size,
            StrideX = stride,
            StrideY = stride,
            Pad = s.Int("padding", size - 1, 0, MaxWindow),
        };
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

    private static DarknetLayer Upsample(CfgSectionReader s, DarknetLayer layer)
    {
        s.RejectUnless("stride", v => v > 0, "a negative stride (downsampling) is not modelled");
        var stride = s.Int("stride", 2, 1, MaxWindow);
        return layer with { StrideX = stride, StrideY = stride };
    }

    private static DarknetLayer Reorg(CfgSectionReader s, DarknetLayer layer)
    {
        s.RejectUnless("reverse", v => v == 0, "reverse reorg (depth-to-space) is not modelled");
        s.RejectUnless("flatten", v => v == 0, "flattening reorg is not modelled");
        s.RejectUnless("extra", v => v == 0, "extra reorg outputs are not modelled");
        var stride = s.Int("stride", 1, 1, MaxWindow);
        return layer with { StrideX = stride, StrideY = stride };
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
