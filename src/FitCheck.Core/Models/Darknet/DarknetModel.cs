using System.Globalization;
using System.Text;
using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Darknet;

/// <summary>
/// A network read from a Darknet .cfg file (pjreddie/darknet and AlexeyAB/darknet syntax).
/// <para>
/// <see cref="Load(string)"/> reads the file once, streaming and bounded (at most 16 MiB), and checks every
/// section, key, number and layer reference, so errors point at a line and column before any network is
/// built. <see cref="Build"/> then instantiates it through <see cref="NetworkBuilder"/> at any resolution and
/// batch; the batch in [net] is a training setting and is ignored. Darknet layer i (counting sections after
/// [net] from 0) becomes builder layer i + 1, since builder layer 0 is the input.
/// </para>
/// <para>
/// Parameter convention: batch norm is folded, so a convolution counts its weights plus one bias per filter
/// whether or not it has batch_normalize=1 (without BN, Darknet gives it a bias anyway). Darknet's own
/// printout also counts BN scale, mean and variance; FitCheck does not, because they vanish once folded.
/// MACs are Darknet's per-layer BFLOPs / 2 (convolutions and connected layers).
/// </para>
/// </summary>
public sealed class DarknetModel : IModelSource
{
    private readonly ParsedCfg _cfg;
    private readonly int _multiple;

    private DarknetModel(string name, ParsedCfg cfg)
    {
        Name = name;
        _cfg = cfg;
        _multiple = DeepestStride(cfg.Layers);
    }

    public string Name { get; }

    /// <summary>The [net] width and height.</summary>
    public Resolution DefaultResolution => new(_cfg.Width, _cfg.Height);

    /// <summary>The [net] channels.</summary>
    public int Channels => _cfg.Channels;

    /// <summary>Number of layer sections (Darknet's layer count, without the input).</summary>
    public int LayerCount => _cfg.Layers.Count;

    /// <summary>
    /// The side both input dimensions must be a multiple of: the product of strides down to the deepest
    /// layer, when the network joins feature maps (shortcut, multi-layer route); 1 otherwise.
    /// </summary>
    public int RequiredMultiple => _multiple;

    public static DarknetModel Load(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FitCheckException(DiagnosticCatalog.FileNotFound(path));
            }

            if (info.Length > CfgReader.MaxBytes)
            {
                throw new FitCheckException(DiagnosticCatalog.CfgTooLarge(path, CfgReader.MaxBytes));
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
            return Load(stream, path);
        }
        catch (IOException ex)
        {
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(path, ex.Message));
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(path, ex.Message));
        }
    }

    /// <summary>Reads a .cfg from a stream; <paramref name="file"/> is the name diagnostics show.</summary>
    internal static DarknetModel Load(Stream stream, string file)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);
        var sections = CfgReader.Read(reader, file);
        return new DarknetModel(Path.GetFileNameWithoutExtension(file), CfgParser.Parse(sections, file));
    }

    public Network Build(Resolution resolution, int batch)
    {
        CheckResolution(resolution);
        var b = new NetworkBuilder(Name, batch, _cfg.Channels, resolution.Height, resolution.Width);
        for (var i = 0; i < _cfg.Layers.Count; i++)
        {
            var layer = _cfg.Layers[i];
            try
            {
                Add(b, layer, previous: i);
            }
            catch (FitCheckException ex) when (ex.Diagnostic.Location is null)
            {
                throw new FitCheckException(DiagnosticCatalog.CfgLayerError(ex.Diagnostic, layer.Section, i, layer.At));
            }
            catch (OverflowException)
            {
                throw new FitCheckException(DiagnosticCatalog.SizeOverflow(Name, $"the output of Darknet layer {i} ([{layer.Section}])", layer.At));
            }
        }

        return b.Build();
    }

    private static void Add(NetworkBuilder b, DarknetLayer l, int previous)
    {
        switch (l.Kind)
        {
            case DarknetLayerKind.Convolutional when l.Dilation == 1 && l.StrideX == l.StrideY:
                b.Conv(previous, l.Filters, l.Size, l.StrideX, pad: l.Pad, groups: l.Groups, bias: true, activation: l.Activation);
                break;
            case DarknetLayerKind.Convolutional:
                b.Conv(previous, l.Filters, l.Size, l.Size, l.StrideY, l.StrideX, l.Pad, l.Pad, l.Pad, l.Pad, l.Dilation, l.Dilation,
                    l.Groups, bias: true, l.Activation, null);
                break;
            case DarknetLayerKind.MaxPool:
                b.Pool(previous, LayerKind.MaxPool, l.Size, l.StrideX, padBegin: l.Pad / 2, padEnd: l.Pad - l.Pad / 2, $"maxpool{b.Count}");
                break;
            case DarknetLayerKind.AvgPool:
                b.GlobalAvgPool(previous);
                break;
            case DarknetLayerKind.Shortcut when l.Sources.Length == 1:
                b.Add(previous, l.Sources[0] + 1, activation: l.Activation);
                break;
            case DarknetLayerKind.Shortcut:
                b.Elementwise(LayerKind.Add, "add", [previous, .. l.Sources.Select(s => s + 1)], l.Activation, $"add{b.Count}");
                break;
            case DarknetLayerKind.Route:
                Route(b, l);
                break;
            case DarknetLayerKind.Upsample:
                b.Upsample(previous, l.StrideX);
                break;
            case DarknetLayerKind.Yolo:
                b.Custom(LayerKind.Detection, "yolo", [previous], b.Shape(previous));
                break;
            case DarknetLayerKind.Region:
                b.Custom(LayerKind.Detection, "region", [previous], b.Shape(previous));
                break;
            case DarknetLayerKind.Connected:
                b.FullyConnected(previous, l.Filters, bias: true, activation: l.Activation);
                break;
            case DarknetLayerKind.Dropout:
                b.View(previous, b.Shape(previous));
                break;
            case DarknetLayerKind.Softmax:
                b.Custom(LayerKind.Softmax, "softmax", [previous], b.Shape(previous));
                break;
            default:
                Reorg(b, l, previous);
                break;
        }
    }

    private static void Route(NetworkBuilder b, DarknetLayer l)
    {
        var inputs = l.Sources.Select(s => s + 1).ToArray();
        if (l.Groups == 1)
        {
            _ = inputs.Length == 1 ? b.View(inputs[0], b.Shape(inputs[0])) : b.Concat(inputs);
            return;
        }

        // AlexeyAB's grouped route (CSP, YOLOv4-tiny) copies channel group group_id of each input.
        var name = $"slice{b.Count}";
        var first = b.Shape(inputs[0]);
        long channels = 0;
        foreach (var i in inputs)
        {
            var s = b.Shape(i);
            if (s.C % l.Groups != 0)
            {
                throw new FitCheckException(DiagnosticCatalog.ShapeError(b.Name, name, $"{s.C} channels do not split into {l.Groups} groups"));
            }

            if (s.N != first.N || s.H != first.H || s.W != first.W)
            {
                throw new FitCheckException(DiagnosticCatalog.ShapeError(b.Name, name, $"cannot concatenate {first} with {s}: spatial sizes differ"));
            }

            channels = checked(channels + s.C / l.Groups);
        }

        b.Custom(LayerKind.Copy, "slice", inputs, first with { C = channels }, name: name);
    }

    /// <summary>Space-to-depth: each stride x stride block of pixels becomes stride² channels.</summary>
    private static void Reorg(NetworkBuilder b, DarknetLayer l, int previous)
    {
        var x = b.Shape(previous);
        var s = l.StrideX;
        var name = $"reorg{b.Count}";
        if (x.H % s != 0 || x.W % s != 0)
        {
            throw new FitCheckException(DiagnosticCatalog.ShapeError(b.Name, name, $"a {x.H}x{x.W} map does not split into {s}x{s} blocks"));
        }

        b.Custom(LayerKind.Copy, "reorg", [previous], new TensorShape(x.N, checked(x.C * s * s), x.H / s, x.W / s), name: name);
    }

    private void CheckResolution(Resolution r)
    {
        var n = _multiple;
        if (n <= 1 || (r.Width % n == 0 && r.Height % n == 0))
        {
            return;
        }

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"width and height must be multiples of {n}, the product of its strides down to the deepest layer, or its routes and shortcuts join feature maps of different sizes");
        var lower = new Resolution(r.Width / n * n, r.Height / n * n);
        var upper = new Resolution(RoundUp(r.Width, n), RoundUp(r.Height, n));
        var examples = new List<string>();
        if (lower.Width > 0 && lower.Height > 0)
        {
            examples.Add(lower.ToString());
        }

        if (upper.Width <= Resolution.MaxSide && upper.Height <= Resolution.MaxSide)
        {
            examples.Add(upper.ToString());
        }

        var hint = examples.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"no input up to {Resolution.MaxSide} pixels is a multiple of {n}; check the strides in the .cfg")
            : string.Create(CultureInfo.InvariantCulture, $"use a multiple of {n}, e.g. {string.Join(" or ", examples)}");
        throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, r.ToString(), reason, hint, null));
    }

    private static int RoundUp(int value, int n) => (int)Math.Min(int.MaxValue, ((long)value + n - 1) / n * n);

    /// <summary>
    /// Follows the downsampling factor through the graph (upsampling divides it back) and takes its maximum.
    /// Saturates above <see cref="Resolution.MaxSide"/>: such a network takes no valid input anyway.
    /// </summary>
    private static int DeepestStride(IReadOnlyList<DarknetLayer> layers)
    {
        const long cap = Resolution.MaxSide + 1L;
        var factor = new long[layers.Count + 1];
        factor[0] = 1;
        long deepest = 1;
        var joins = false;
        for (var i = 0; i < layers.Count; i++)
        {
            var l = layers[i];
            var previous = factor[i];
            var stride = Math.Max(l.StrideX, l.StrideY);
            var f = l.Kind switch
            {
                DarknetLayerKind.Convolutional or DarknetLayerKind.MaxPool or DarknetLayerKind.Reorg => Math.Min(cap, previous * stride),
                DarknetLayerKind.Upsample => Math.Max(1, previous / stride),
                DarknetLayerKind.Route => l.Sources.Max(s => factor[s + 1]),
                DarknetLayerKind.Shortcut => Math.Max(previous, l.Sources.Max(s => factor[s + 1])),
                // After a global pool or a connected layer there is no spatial map left to mismatch.
                DarknetLayerKind.AvgPool or DarknetLayerKind.Connected => 0,
                _ => previous,
            };
            joins |= l.Kind == DarknetLayerKind.Shortcut || (l.Kind == DarknetLayerKind.Route && l.Sources.Length > 1);
            factor[i + 1] = f;
            deepest = Math.Max(deepest, f);
        }

        return joins ? (int)deepest : 1;
    }
}
