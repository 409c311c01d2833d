using FitCheck.Evaluation;
using FitCheck.Units;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FitCheck.Cli;

/// <summary>
/// The human report: one table row per deployment, then every failed gate's reason. Rendered by
/// Spectre.Console into a string, so snapshots see exactly what a terminal shows (minus colour).
/// </summary>
internal static class ConsoleReport
{
    public const int DefaultWidth = 120;

    public static int Width(CliContext context) =>
        context.UseColor ? Math.Max(80, Console.WindowWidth) : DefaultWidth;

    public static string Render(CheckReport report, bool color, int width)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var console = ConsoleFactory.Create(writer, color, width);

        var gated = report.Results.Any(r => r.Passed is not null);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("model");
        table.AddColumn("resolution");
        if (gated)
        {
            table.AddColumn("accelerator");
        }

        table.AddColumn(new TableColumn("params").RightAligned());
        table.AddColumn(new TableColumn("GMACs").RightAligned());
        table.AddColumn(new TableColumn("weights").RightAligned());
        table.AddColumn(new TableColumn("activations").RightAligned());
        table.AddColumn(new TableColumn("code").RightAligned());
        if (gated)
        {
            table.AddColumn(new TableColumn("fps").RightAligned());
            table.AddColumn("verdict");
        }

        foreach (var r in report.Results)
        {
            var a = r.Analysis;
            var cells = new List<IRenderable>
            {
                new Text(a.Model),
                new Text(a.Resolution.ToString()),
            };
            if (gated)
            {
                cells.Add(new Text(r.Accelerator ?? "-"));
            }

            cells.Add(new Text(Numbers.Millions(a.Parameters)));
            cells.Add(new Text(Numbers.Giga(a.Macs)));
            cells.Add(new Text(ByteFormat.Human(a.WeightBytes)));
            cells.Add(new Text(ByteFormat.Human(a.Activations.PeakBytes)));
            cells.Add(new Text(ByteFormat.Human(a.CodeBytes)));
            if (gated)
            {
                cells.Add(new Text(r.Throughput is { } t ? PerformanceGates.Fps(t.Fps) : "-"));
                cells.Add(r.Passed == true
                    ? new Markup("[green]pass[/]")
                    : new Markup($"[red]FAIL[/] ({r.Gates.Count(g => !g.Passed)} of {r.Gates.Count})"));
            }

            table.AddRow(cells);
        }

        console.Write(table);
        foreach (var r in report.Results.Where(r => r.Placement is not null))
        {
            // Plain text, not through Spectre: a sentence must not be wrapped mid-figure.
            var speed = r.Throughput is { } t ? $"{PerformanceGates.Fps(t.Fps)} fps, latency {PerformanceGates.Ms(t.LatencySeconds)}, {t.Bound}-bound" : "does not fit";
            writer.WriteLine($"{r.Analysis.Model} {r.Analysis.Resolution} on {r.Accelerator}: {speed}; {r.Placement!.Summary}.");
        }

        // What the fps figures assumed, once per accelerator, so a change in them can be traced.
        foreach (var t in report.Results.Where(r => r.Throughput is not null).GroupBy(r => r.Accelerator).Select(g => (g.Key, g.First().Throughput!)))
        {
            writer.WriteLine($"{t.Key}: {t.Item2.Assumptions.Sentence()}.");
        }

        var failed = report.Results.Where(r => r.Passed == false).ToList();
        foreach (var r in failed)
        {
            foreach (var g in r.Gates.Where(g => !g.Passed))
            {
                console.MarkupLineInterpolated($"[red]✗[/] {r.Analysis.Model} {r.Analysis.Resolution} on {r.Accelerator}: {g.Message}");
            }
        }

        if (gated)
        {
            var summary = failed.Count == 0
                ? $"All {report.Results.Count} deployments pass."
                : $"{failed.Count} of {report.Results.Count} deployments fail.";
            console.WriteLine(summary);
        }

        return writer.ToString();
    }
}
