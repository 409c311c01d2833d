using System.Globalization;
using FitCheck.Baseline;
using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Throughput;
using FitCheck.Units;

namespace FitCheck.Reports;

/// <summary>
/// GitHub-flavoured Markdown for step summaries and the sticky PR comment: a verdict line, the failed
/// deployments (one table per accelerator, failed gates with their reasons first), the baseline deltas
/// (growth beyond the budget first), the passing deployments (collapsed in a &lt;details&gt; when something
/// failed), and a Mermaid chart of memory against resolution when a model is checked at several. Failures
/// and deltas come first because the action cuts an over-long comment at its end. Starts with <see cref="Marker"/> so the action finds
/// its own comment again.
/// </summary>
public static class MarkdownReport
{
    public const string Marker = "<!-- fitcheck-report -->";

    public static void Write(TextWriter w, CheckReport report, ReportOptions options)
    {
        w.Write(Marker + "\n");
        w.Write("## " + Verdict(report, options.Baseline) + "\n\n");
        var about = new List<string>();
        if (report.ManifestPath is { } manifest)
        {
            about.Add("`" + manifest.Replace('\\', '/') + "`");
        }

        about.Add($"{ReportOptions.ToolName} {options.ToolVersion}");
        w.Write(string.Join(" · ", about) + "\n\n");

        // What a reviewer needs comes first and survives a comment cut to GitHub's size limit: the failed
        // deployments, then the deltas; passing deployments follow, collapsed when something failed.
        var gated = report.Results.Where(r => r.Accelerator is not null).ToList();
        var showFps = report.Results.Any(r => ResultFps.Of(r) is not null);
        var failed = gated.Where(r => r.Passed == false).ToList();
        var passed = gated.Where(r => r.Passed != false).ToList();
        // Each accelerator's throughput assumptions are stated once, under its first table.
        var described = new HashSet<string>(StringComparer.Ordinal);
        Tables(w, failed, options, showFps, described);

        var analysed = report.Results.Where(r => r.Accelerator is null).ToList();
        if (analysed.Count > 0)
        {
            w.Write("### Analysis (no accelerator, no gates)\n\n");
            Table(w, analysed, null, showFps, options.Baseline is not null);
        }

        if (options.Baseline is { } baseline)
        {
            Baseline(w, baseline);
        }

        if (passed.Count > 0 && failed.Count > 0)
        {
            w.Write($"<details><summary>✅ {Count(passed.Count, "passing deployment", "passing deployments")}</summary>\n\n");
            Tables(w, passed, options, showFps, described);
            w.Write("</details>\n\n");
        }
        else
        {
            Tables(w, passed, options, showFps, described);
        }

        var groups = report.Groups().ToList();
        if (groups.Count > 0)
        {
            w.Write("### Deployed together\n\n");
            foreach (var g in groups)
            {
                w.Write($"- {Cell(GroupSentence.Of(g))}\n");
            }

            w.Write("\n");
        }

        Chart(w, report);
        var evaluated = GateCatalog.All.Where(d => report.Results.Any(r => r.Gates.Any(g => d.Matches(g.Name)))).ToList();
        if (evaluated.Count > 0)
        {
            w.Write(Legend(evaluated));
        }
    }

    /// <summary>What each gate in the tables checks, from the catalogue's Markdown wording, folded away.</summary>
    public static string Legend(IEnumerable<GateDefinition> gates)
    {
        var s = new System.Text.StringBuilder("<details><summary>Gates</summary>\n\n| gate | passes when |\n|:--|:--|\n");
        foreach (var d in gates)
        {
            s.Append("| `").Append(d.Id).Append("` | ").Append(d.Legend.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return s.Append("\n</details>\n\n").ToString();
    }

    public static string ToString(CheckReport report, ReportOptions options)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(w, report, options);
        return w.ToString();
    }

    /// <summary>One table per accelerator, in the order the accelerators first appear.</summary>
    private static void Tables(TextWriter w, List<CheckResult> results, ReportOptions options, bool showFps, HashSet<string> described)
    {
        foreach (var group in results.GroupBy(r => r.Accelerator!, StringComparer.Ordinal))
        {
            var accelerator = options.FindAccelerator(group.Key);
            w.Write($"### {Cell(group.Key)}{Describe(accelerator)}\n\n");
            Table(w, group.ToList(), accelerator, showFps, options.Baseline is not null);
            if (accelerator is not null && group.Any(r => r.Throughput is not null) && described.Add(group.Key))
            {
                w.Write($"<sub>{Cell(ThroughputAssumptions.For(accelerator).Sentence())}</sub>\n\n");
            }
        }
    }

    /// <summary>"✅ FitCheck: all 6 deployments pass", "❌ FitCheck: 2 of 6 deployments fail".</summary>
    public static string Verdict(CheckReport report, BaselineComparison? baseline)
    {
        var gated = report.Results.Count(r => r.Passed is not null);
        if (gated == 0)
        {
            return $"FitCheck: {Count(report.Results.Count, "model analysed", "models analysed")} (no gates)";
        }

        if (report.AllPassed)
        {
            return $"✅ FitCheck: all {Count(gated, "deployment passes", "deployments pass")}";
        }

        // The growth budget is one of the gates; say how many deployments failed it, from the same results.
        var grew = report.Results.Count(r => r.Gates.Any(g => g.Name == GateCatalog.GrowthGate && !g.Passed));
        var growth = grew > 0 && baseline is not null ? $" ({grew.ToString(CultureInfo.InvariantCulture)} beyond the {baseline.BudgetText} growth budget)" : "";
        return $"❌ FitCheck: {report.FailedCount} of {Count(gated, "deployment fails", "deployments fail")}{growth}";
    }

    private static void Table(TextWriter w, List<CheckResult> results, Accelerator? accelerator, bool showFps, bool deltasShown)
    {
        var gated = results.Any(r => r.Passed is not null);
        var head = "| model | resolution | weights | activations | code | total" + (accelerator is null ? "" : " / capacity") + " |";
        var align = "|:--|:--|--:|--:|--:|--:|";
        var showLatency = showFps && results.Any(LatencySaysMore);
        if (showFps)
        {
            head += " fps |";
            align += "--:|";
        }

        if (showLatency)
        {
            head += " latency |";
            align += "--:|";
        }

        if (gated)
        {
            head += " gates |";
            align += ":--|";
        }

        w.Write(head + "\n" + align + "\n");
        foreach (var r in results)
        {
            var a = r.Analysis;
            var total = a.TotalBytes;
            var cells = new List<string>
            {
                Cell(a.Model) + (r.Group is { } g ? $" <sub>in {Cell(g.Name)}</sub>" : ""),
                a.Resolution.ToString(),
                ByteFormat.Human(a.WeightBytes),
                ByteFormat.Human(a.Activations.PeakBytes),
                ByteFormat.Human(a.CodeBytes),
                Total(total, accelerator),
            };
            if (showFps)
            {
                cells.Add(ResultFps.Of(r) is { } fps ? fps.ToString("0.0", CultureInfo.InvariantCulture) : "–");
            }

            if (showLatency)
            {
                cells.Add(r.Throughput is { LatencySeconds: var l } && double.IsFinite(l) ? PerformanceGates.Ms(l) : "–");
            }

            if (gated)
            {
                cells.Add(Gates(r, deltasShown) + (r.WouldPass is { } advice ? $"<br>💡 {Cell(advice.Sentence)}" : ""));
            }

            w.Write("| " + string.Join(" | ", cells) + " |\n");
        }

        w.Write("\n");
        foreach (var r in results.Where(r => r.Throughput is { Stripes.Any: true }))
        {
            var t = r.Throughput!;
            var sentence = StripeSummary.Sentence(t.Stripes, e => r.Analysis.Network.Layers[t.Layers[e].Layer].Name, r.Analysis.Batch);
            w.Write($"<sub>{Cell(r.Analysis.Model)} {r.Analysis.Resolution}: {Cell(sentence)}</sub>\n\n");
        }
    }

    /// <summary>
    /// Latency earns its column where it says something fps does not: a dataflow pipeline (fps is the slowest
    /// stage, latency the whole path), a batch (latency is the batch's or a frame's), or a `maxLatency` gate.
    /// Layer-by-layer at batch 1 it is 1 / fps, and the comment's size budget is better spent on failures.
    /// </summary>
    private static readonly string LatencyGate = GateCatalog.All.Single(d => d.ManifestKey == "maxLatency").Id;

    private static bool LatencySaysMore(CheckResult r) =>
        r.Gates.Any(g => g.Name == LatencyGate)
        || r.Throughput is { } t && double.IsFinite(t.Fps) && t.Fps > 0 && Math.Abs(t.LatencySeconds * t.Fps - 1) > 1e-6;

    /// <summary>
    /// Every gate with its reason; on a failed deployment the failed gates first with their reasons and the
    /// passed ones by name only, so the comment shows every failure within GitHub's size limit. A failed
    /// growth budget points to the deltas table, which marks each figure beyond it.
    /// </summary>
    private static string Gates(CheckResult r, bool deltasShown)
    {
        if (r.Passed != false)
        {
            return string.Join("<br>", r.Gates.Select(g => $"✅ **{Cell(g.Name)}**: {Cell(g.Message)}"));
        }

        var lines = r.Gates.Where(g => !g.Passed)
            .Select(g => $"❌ **{Cell(g.Name)}**: {(deltasShown && g.Name == GateCatalog.GrowthGate ? "beyond the budget, see the ❌ under “Compared with”" : Cell(g.Message))}")
            .ToList();
        var passed = r.Gates.Where(g => g.Passed).Select(g => Cell(g.Name)).ToList();
        if (passed.Count > 0)
        {
            lines.Add("✅ " + string.Join(", ", passed));
        }

        return string.Join("<br>", lines);
    }

    /// <summary>
    /// "2.1 MB / 8.4 MB on chip (26 %)": everything the model needs against what the chip holds. The share is a
    /// usage only when it all fits on chip; above that ("4.5 MB / 2.1 MB on chip") a percentage would read as
    /// a figure over a ceiling next to a passing gate (weights streamed from DRAM pass), so none is shown.
    /// </summary>
    private static string Total(long total, Accelerator? accelerator)
    {
        if (accelerator is null)
        {
            return ByteFormat.Human(total);
        }

        var (capacity, where) = accelerator.OnChipBytes > 0
            ? (accelerator.OnChipBytes, "on chip")
            : (accelerator.TotalBytes, "in all");
        var share = capacity > 0 && total <= capacity ? " (" + ((double)total / capacity * 100).ToString("0", CultureInfo.InvariantCulture) + " %)" : "";
        return $"{ByteFormat.Human(total)} / {ByteFormat.Human(capacity)} {where}{share}";
    }

    /// <summary>" · 32.8 MB on chip (local-sram 256 × 128.0 kB) + dram 4.3 GB".</summary>
    private static string Describe(Accelerator? accelerator)
    {
        if (accelerator is null || accelerator.Tiers.Count == 0)
        {
            return "";
        }

        var tiers = accelerator.Tiers.Select(t =>
            t.Tiles > 1
                ? $"{Cell(t.Name)} {t.Tiles.ToString(CultureInfo.InvariantCulture)} × {ByteFormat.Human(t.TileBytes)}"
                : $"{Cell(t.Name)} {ByteFormat.Human(t.CapacityBytes)}");
        return " · " + string.Join(" + ", tiers);
    }

    private static void Baseline(TextWriter w, BaselineComparison baseline)
    {
        // The file name only: in CI the full path is a temporary directory that means nothing to a reviewer.
        w.Write($"### Compared with `{Path.GetFileName(baseline.BaselinePath.Replace('\\', '/'))}`\n\n");
        var shown = baseline.Deployments.Where(d => d.Status != DiffStatus.Unchanged)
            .OrderBy(d => baseline.Violations.Any(v => v.Deployment == d) ? 0 : 1)
            .ToList();
        var unchanged = baseline.Deployments.Count - shown.Count;
        var violations = baseline.Violations;
        if (shown.Count > 0)
        {
            var fps = shown.Any(d => d.Figure(BaselineComparison.Fps) is not null);
            w.Write("| deployment | weights | activations | code |" + (fps ? " fps |" : "") + "\n");
            w.Write("|:--|--:|--:|--:|" + (fps ? "--:|" : "") + "\n");
            foreach (var d in shown)
            {
                var figures = new List<string> { BaselineComparison.Weights, BaselineComparison.Activations, BaselineComparison.Code };
                if (fps)
                {
                    figures.Add(BaselineComparison.Fps);
                }

                var cells = d.Status switch
                {
                    DiffStatus.Added => figures.Select((_, i) => i == 0 ? "_added_" : "").ToList(),
                    DiffStatus.Removed => figures.Select((_, i) => i == 0 ? "_removed_" : "").ToList(),
                    _ => figures.Select(f => d.Figure(f) is { } x
                        ? x.Text + (violations.Any(v => v.Deployment == d && v.Delta == x) ? " ❌" : "")
                        : "–").ToList(),
                };
                w.Write($"| {Cell(d.Label)} | {string.Join(" | ", cells)} |\n");
            }

            w.Write("\n");
        }

        var notes = new List<string>();
        if (unchanged > 0)
        {
            notes.Add(shown.Count == 0
                ? $"No change in {Count(unchanged, "deployment", "deployments")}."
                : $"{Count(unchanged, "other deployment is", "other deployments are")} unchanged.");
        }

        if (baseline.MaxGrowth is not null)
        {
            notes.Add(violations.Count == 0
                ? $"✅ Every figure is within the {baseline.BudgetText} growth budget."
                : $"❌ {Count(violations.Count, "figure grows", "figures grow")} beyond the {baseline.BudgetText} budget.");
        }

        if (notes.Count > 0)
        {
            w.Write(string.Join(" ", notes) + "\n\n");
        }
    }

    /// <summary>
    /// One xychart per model checked at two or more resolutions: bars are weights + activations, the line
    /// is activations alone — the article's chart, where only the activations grow with the image.
    /// </summary>
    private static void Chart(TextWriter w, CheckReport report)
    {
        var heading = false;
        foreach (var model in report.Results.GroupBy(r => r.Analysis.Model, StringComparer.Ordinal))
        {
            var points = model
                .GroupBy(r => r.Analysis.Resolution)
                .Select(g => g.First().Analysis)
                .OrderBy(a => (long)a.Resolution.Width * a.Resolution.Height)
                .ThenBy(a => a.Resolution.Width)
                .ToList();
            if (points.Count < 2)
            {
                continue;
            }

            if (!heading)
            {
                w.Write("### Memory by resolution\n\n");
                heading = true;
            }

            w.Write("```mermaid\nxychart-beta\n");
            w.Write($"    title \"{Quote(model.Key)}: weights + activations (bars) and activations (line), MB\"\n");
            w.Write($"    x-axis [{string.Join(", ", points.Select(p => "\"" + p.Resolution + "\""))}]\n");
            w.Write("    y-axis \"MB\"\n");
            w.Write($"    bar [{string.Join(", ", points.Select(p => Mb(checked(p.WeightBytes + p.Activations.PeakBytes))))}]\n");
            w.Write($"    line [{string.Join(", ", points.Select(p => Mb(p.Activations.PeakBytes)))}]\n");
            w.Write("```\n\n");
        }
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Quote(string text) => text.Replace("\"", "'", StringComparison.Ordinal);

    private static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    /// <summary>Text safe inside a table cell: no pipes, no line breaks, no HTML.</summary>
    private static string Cell(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
