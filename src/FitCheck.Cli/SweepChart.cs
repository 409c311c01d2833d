using System.Globalization;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using ScottPlot;

namespace FitCheck.Cli;

/// <summary>
/// The article's chart, drawn with ScottPlot: weights, activations and total MB against megapixels per
/// model, with a horizontal line at each accelerator's on-chip capacity. With accelerators, a second
/// chart of fps against megapixels is written beside it (`out.svg` → `out-fps.svg`).
/// </summary>
internal static class SweepChart
{
    public const int Width = 1000;
    public const int Height = 620;

    public const string MemoryYLabel = "Memory needed (MB, int8)";
    public const string XLabel = "Image size (megapixels)";
    public const string FpsYLabel = "Estimated throughput (frames/s, log scale)";

    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(SweepResult sweep, string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".svg" or ".png"))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"cannot tell the chart format of '{path}'",
                "end the file name in .svg or .png, e.g. --chart sweep.png"));
        }

        // Skia's SVG backend cannot draw dash patterns (it prints a warning per line to stdout), so SVG
        // charts tell the series apart by marker shape instead.
        var dashes = ext == ".png";
        var written = new List<string> { path };
        Save(Memory(sweep, dashes), path, ext);
        if (sweep.Accelerators.Count > 0)
        {
            var fpsPath = Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-fps" + ext);
            Save(Fps(sweep, dashes), fpsPath, ext);
            written.Add(fpsPath);
        }

        return written;
    }

    public static Plot Memory(SweepResult sweep, bool dashes)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var colour = 0;
        foreach (var model in sweep.Models)
        {
            var points = sweep.Points.Where(p => p.Model == model).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var xs = points.Select(p => p.Megapixels).ToArray();
            var color = palette.GetColor(colour++);
            Line(plot, xs, points.Select(p => p.WeightBytes / 1e6).ToArray(), $"{model} weights", color, dashes ? LinePattern.Dotted : LinePattern.Solid, MarkerShape.OpenSquare);
            Line(plot, xs, points.Select(p => p.ActivationBytes / 1e6).ToArray(), $"{model} activations", color, dashes ? LinePattern.Dashed : LinePattern.Solid, MarkerShape.OpenTriangleUp);
            Line(plot, xs, points.Select(p => p.TotalBytes / 1e6).ToArray(), $"{model} total", color, LinePattern.Solid, MarkerShape.FilledCircle);
        }

        foreach (var acc in sweep.Accelerators)
        {
            var line = plot.Add.HorizontalLine(acc.OnChipBytes / 1e6);
            line.LegendText = $"{acc.Name} on-chip ({acc.OnChipBytes / 1e6:0.#} MB)";
            line.LinePattern = dashes ? LinePattern.DenselyDashed : LinePattern.Solid;
            line.Color = palette.GetColor(colour++);
        }

        plot.Title("Weights + activations vs image size");
        plot.XLabel(XLabel);
        plot.YLabel(MemoryYLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.SetLimitsY(0, Math.Max(1, sweep.Points.Select(p => p.TotalBytes / 1e6).DefaultIfEmpty(1).Max()) * 1.05);
        return plot;
    }

    public static Plot Fps(SweepResult sweep, bool dashes)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var colour = 0;
        foreach (var model in sweep.Models)
        {
            var points = sweep.Points.Where(p => p.Model == model).ToList();
            for (var a = 0; a < sweep.Accelerators.Count; a++)
            {
                var fitting = points.Where(p => p.Fps[a] is not null).ToList();
                if (fitting.Count == 0)
                {
                    continue;
                }

                // Plotted as log10(fps): ResNet-50 at 224 and YOLOv3 at 4 MP differ by three orders of magnitude.
                Line(plot, fitting.Select(p => p.Megapixels).ToArray(), fitting.Select(p => Math.Log10(Math.Max(p.Fps[a]!.Value, 1e-3))).ToArray(),
                    $"{model} on {sweep.Accelerators[a].Name}", palette.GetColor(colour++), LinePattern.Solid, MarkerShape.FilledCircle);
            }
        }

        var finite = sweep.Points.SelectMany(p => p.Fps).Where(f => f is { } v && double.IsFinite(v) && v > 0).Select(f => f!.Value).ToList();
        var low = (int)Math.Floor(Math.Log10(finite.DefaultIfEmpty(1).Min()));
        var high = (int)Math.Ceiling(Math.Log10(finite.DefaultIfEmpty(10).Max()));
        high = Math.Max(high, low + 1);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var e = low; e <= high; e++)
        {
            ticks.AddMajor(e, Math.Pow(10, e).ToString("#,0.###", CultureInfo.InvariantCulture));
            for (var m = 2; m < 10 && e < high; m++)
            {
                ticks.AddMinor(e + Math.Log10(m));
            }
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(low, high);
        plot.Title("Estimated fps vs image size");
        plot.XLabel(XLabel);
        plot.YLabel(FpsYLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void Line(Plot plot, double[] xs, double[] ys, string label, Color color, LinePattern pattern, MarkerShape marker)
    {
        var s = plot.Add.Scatter(xs, ys);
        s.MarkerShape = marker;
        s.LegendText = label;
        s.Color = color;
        s.LinePattern = pattern;
        s.LineWidth = 2;
        s.MarkerSize = 5;
    }

    private static void Save(Plot plot, string path, string ext)
    {
        if (ext == ".svg")
        {
            plot.SaveSvg(path, Width, Height);
        }
        else
        {
            plot.SavePng(path, Width, Height);
        }
    }
}
