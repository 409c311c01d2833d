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
        // Recurrent networks run time_steps steps per inference; Darknet runs them as a batch that many times larger.
        var b = new NetworkBuilder(Name, checked((long)batch * _cfg.TimeSteps), _cfg.Channels, resolution.Height, resolution.Width);
        for (var i = 0; i < _cfg.Layers.Count; i++)
        {
            var layer = _cfg.Layers[i];
            try
            {
                DarknetSections.Add(b, layer, previous: i);
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

    private void CheckResolution(Resolution r)
    {
        if (_cfg.IsVector && r != new Resolution(1, 1))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, r.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"its [net] takes a vector of {_cfg.Channels} inputs, not an image"),
                "use resolution 1x1 for this network", null));
        }

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
                DarknetLayerKind.Reorg when l.Extra > 0 => 0,
                _ when Enlarges(l) => Math.Max(1, previous / stride),
                _ when Shrinks(l) => Math.Min(cap, previous * stride),
                DarknetLayerKind.Route => l.Sources.Max(s => factor[s + 1]),
                DarknetLayerKind.Shortcut or DarknetLayerKind.Sam or DarknetLayerKind.ScaleChannels =>
                    Math.Max(previous, l.Sources.Max(s => factor[s + 1])),
                // After these no map is tied to the input size: a global pool, a vector, a fixed crop, a learned tensor.
                DarknetLayerKind.AvgPool or DarknetLayerKind.Connected or DarknetLayerKind.Rnn or DarknetLayerKind.Gru
                    or DarknetLayerKind.Lstm or DarknetLayerKind.Crop or DarknetLayerKind.Implicit => 0,
                _ => previous,
            };
            joins |= l.Kind is DarknetLayerKind.Shortcut or DarknetLayerKind.Sam or DarknetLayerKind.ScaleChannels
                || (l.Kind == DarknetLayerKind.Route && l.Sources.Length > 1);
            factor[i + 1] = f;
            deepest = Math.Max(deepest, f);
        }

        return joins ? (int)deepest : 1;
    }

    private static bool Shrinks(DarknetLayer l) => l.Kind switch
    {
        DarknetLayerKind.Reorg => !l.Reverse,
        DarknetLayerKind.Upsample => l.Reverse,
        DarknetLayerKind.Convolutional or DarknetLayerKind.MaxPool or DarknetLayerKind.LocalAvgPool or DarknetLayerKind.Local
            or DarknetLayerKind.Crnn or DarknetLayerKind.ConvLstm => true,
        _ => false,
    };

    private static bool Enlarges(DarknetLayer l) =>
        l.Kind == DarknetLayerKind.Deconvolutional || (l.Kind == DarknetLayerKind.Reorg && l.Reverse) || (l.Kind == DarknetLayerKind.Upsample && !l.Reverse);
}
