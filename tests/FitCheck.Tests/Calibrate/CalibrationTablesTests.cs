using System.Globalization;
using System.Text;
using FitCheck.Evaluation;
using FitCheck.Manifest;
using FitCheck.Models;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Calibrate;

/// <summary>
/// docs/calibration/README.md cannot drift from the model: every table in it is recomputed here from its CSV
/// with the same calibration `dotnet fitcheck calibrate` runs (leave-one-out of utilization per accelerator),
/// and must match the text between its markers; so must the total. When a throughput change moves a
/// figure, this fails and prints the block to paste.
/// </summary>
public class CalibrationTablesTests
{
    private static readonly string Docs = RepoPaths.Of("docs", "calibration");

    public static TheoryData<string> Accelerators()
    {
        var data = new TheoryData<string>();
        foreach (var csv in Directory.GetFiles(Docs, "*.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(csv));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Accelerators))]
    public void EachAcceleratorsTableIsWhatCalibrateComputes(string accelerator)
    {
        var expected = Table(Calibrate(accelerator));
        Assert.True(Block(accelerator) == expected, $"docs/calibration/README.md, block '{accelerator}' should read:\n{expected}");
    }

    [Fact]
    public void TheTotalIsTheSumOfTheTables()
    {
        int within = 0, scored = 0;
        foreach (var csv in Directory.GetFiles(Docs, "*.csv"))
        {
            var r = Calibrate(Path.GetFileNameWithoutExtension(csv));
            within += r.WithinLeaveOneOut(0.25);
            scored += r.Rows.Count(x => x.LeaveOneOutError is not null);
        }

        var expected = string.Create(CultureInfo.InvariantCulture, $"{within} of {scored} rows within ±25% after leave-one-out calibration of utilization.\n");
        Assert.True(Block("total") == expected, $"docs/calibration/README.md, block 'total' should read:\n{expected}");
    }

    private static CalibrationResult Calibrate(string accelerator)
    {
        var path = Path.Combine(Docs, accelerator + ".csv");
        var rows = CalibrationCsv.Parse(File.ReadAllText(path), path);
        var sources = rows.Select(r => ModelSourceResolver.Resolve(r.Source, Docs, r.At)).ToList();
        return Calibration.Run(rows, sources, AcceleratorPresets.Get(accelerator, null).Accelerator);
    }

    /// <summary>The text between `&lt;!-- calibrate NAME --&gt;` and the next `&lt;!-- /calibrate --&gt;`.</summary>
    private static string Block(string name)
    {
        var text = File.ReadAllText(Path.Combine(Docs, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var open = $"<!-- calibrate {name} -->\n";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
        {
            return $"(no block '{name}')";
        }

        start += open.Length;
        var end = text.IndexOf("<!-- /calibrate -->", start, StringComparison.Ordinal);
        return end < 0 ? "(unterminated)" : text[start..end];
    }

    private static string Table(CalibrationResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("| model | resolution | batch | measured fps | fitted | leave-1-out | error |\n|---|---|---|---:|---:|---:|---:|\n");
        foreach (var row in r.Rows)
        {
            var loo = row.LeaveOneOutFps is { } l ? Fps(l) : "-";
            var err = row.LeaveOneOutError is { } e ? Math.Round(e * 100).ToString("+0;-0;0", c) + "%" : "-";
            var measured = row.Row.LatencySeconds is { } s ? $"{Fps(row.MeasuredFps)} ({(s * 1000).ToString("0.###", c)} ms)" : Fps(row.MeasuredFps);
            sb.Append(c, $"| {row.Row.Source} | {row.Row.Resolution} | {row.Row.Batch} | {measured} | {Fps(row.PredictedFps)} | {loo} | {err} |\n");
        }

        var n = r.Rows.Count(x => x.LeaveOneOutError is not null);
        sb.Append(c, $"\nFitted utilization {r.Utilization * 100:0.0}% (preset {r.Accelerator.Utilization * 100:0.#}%); ");
        sb.Append(n == 0
            ? "one row cannot be held out.\n"
            : string.Create(c, $"leave-one-out: {r.WithinLeaveOneOut(0.25)} of {n} rows within ±25%, median |error| {r.MedianLeaveOneOutError * 100:0.0}%.\n"));
        return sb.ToString();
    }

    private static string Fps(double fps) => fps.ToString(fps >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
