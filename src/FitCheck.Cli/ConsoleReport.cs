using FitCheck.Evaluation;
using FitCheck.Throughput;
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

    /// <summary>
    /// The width to fit: $COLUMNS when set (as shells export it), else the terminal's when stdout is one, else
    /// <see cref="DefaultWidth"/> for a pipe or file. Colour has nothing to do with it (NO_COLOR on a narrow terminal).
    /// </summary>
    public static int Width(CliContext context)
    {
        if (int.TryParse(context.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns >= 20)
        {
            return columns;
        }

        return !Console.IsOutputRedirected && ReferenceEquals(context.Out, Console.Out) && Console.WindowWidth >= 20
            ? Console.WindowWidth
            : DefaultWidth;
    }

    public static string Render(CheckReport report, bool color, int width)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var console = ConsoleFactory.Create(writer, color, width);

        var gated = report.Results.Any(r => r.Passed is not null);
        var placed = report.Results.Any(r => r.Accelerator is not null);
        var columns = new List<TableFit.Column>
        {
            new("model", false, 0, [.. report.Results.Select(r => r.Analysis.Model)], Left: true),
            new("resolution", false, 0, [.. report.Results.Select(r => r.Analysis.Resolution.ToString())], "res", Left: true),
        };
        if (placed)
        {
            columns.Add(new("accelerator", false, 0, [.. report.Results.Select(r => r.RunsOn ?? "-")], "accel", Left: true));
        }

        // Dropped first when the width is short: the higher the number, the sooner it goes.
        columns.Add(new("params", true, 4, [.. report.Results.Select(r => Numbers.Millions(r.Analysis.Parameters))]));
        columns.Add(new("GMACs", true, 5, [.. report.Results.Select(r => Numbers.Giga(r.Analysis.Macs))]));
        columns.Add(new("weights", true, 1, [.. report.Results.Select(r => ByteFormat.Human(r.Analysis.WeightBytes))]));
        columns.Add(new("activations", true, 0, [.. report.Results.Select(r => ByteFormat.Human(r.Analysis.Activations.PeakBytes))], "acts"));
        columns.Add(new("code", true, 3, [.. report.Results.Select(r => ByteFormat.Human(r.Analysis.CodeBytes))]));
        if (placed)
        {
            columns.Add(new("fps", true, 2, [.. report.Results.Select(r => r.Throughput is { } t ? PerformanceGates.Fps(t.Fps) : "-")]));
        }

        if (gated)
        {
            columns.Add(new("verdict", false, 0, [.. report.Results.Select(r => Verdict(r, false))], ShortCells: [.. report.Results.Select(r => Verdict(r, true))], Left: true));
        }

        var (table, dropped) = TableFit.Build(columns, width, (column, row) => column.Header == "verdict"
            ? new Markup(report.Results[row].Passed == true ? "[green]pass[/]" : "[red]FAIL[/]" + column.Cells[row][4..])
            : null);
        console.Write(table);
        if (dropped.Count > 0)
        {
            writer.WriteLine($"({string.Join(", ", dropped)} left out to fit {width} columns; --format json has every figure)");
        }
        foreach (var r in report.Results.Where(r => r.Placement is not null))
        {
            // Plain text, not through Spectre: a sentence must not be wrapped mid-figure.
            var speed = r.Throughput is { } t ? $"{PerformanceGates.Fps(t.Fps)} fps, latency {PerformanceGates.Ms(t.LatencySeconds)}, {t.Bound}-bound" : "does not fit";
            var striped = r.Throughput is { Stripes.Any: true } s
                ? "; " + StripeSummary.Sentence(s.Stripes, e => r.Analysis.Network.Layers[s.Layers[e].Layer].Name, r.Analysis.Batch)
                : "";
            writer.WriteLine($"{r.Analysis.Model} {r.Analysis.Resolution} on {r.RunsOn}: {speed}; {r.Placement!.Summary}{striped}.");
        }

        foreach (var group in report.Groups())
        {
            writer.WriteLine(GroupSentence.Of(group) + ".");
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
                // Written past Spectre, like the placement lines: a reason is never wrapped mid-figure, and a
                // piped log keeps one line per failure for grep.
                var mark = color ? "\u001b[31m✗\u001b[0m" : "✗";
                writer.WriteLine($"{mark} {r.Analysis.Model} {r.Analysis.Resolution} on {r.RunsOn}: {g.Message}");
            }

            if (r.WouldPass is { } advice)
            {
                writer.WriteLine($"  {r.Analysis.Model} {r.Analysis.Resolution} on {r.Accelerator} {advice.Sentence}.");
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

    /// <summary>"pass", "FAIL (2 of 3)"; abbreviated "FAIL 2/3".</summary>
    private static string Verdict(CheckResult r, bool abbreviated)
    {
        if (r.Passed == true)
        {
            return "pass";
        }

        var failed = r.Gates.Count(g => !g.Passed);
        return abbreviated ? $"FAIL {failed}/{r.Gates.Count}" : $"FAIL ({failed} of {r.Gates.Count})";
    }
}
