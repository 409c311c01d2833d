using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Evaluation;

/// <summary>
/// Reads the measurements `calibrate` fits: CSV with a header naming at least `model`, `resolution` and one of
/// `fps` / `latencyMs`; `precision` (default int8), `batch` (default 1) and `note` are optional. Fields may be
/// double-quoted (a citation with commas). Every bad cell is an error at its line and column.
/// </summary>
public static class CalibrationCsv
{
    public const int MaxRows = 10_000;

    public static IReadOnlyList<CalibrationRow> Parse(string text, string path)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = -1;
        string[] names = [];
        var rows = new List<CalibrationRow>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = Split(line, path, n + 1);
            if (header < 0)
            {
                header = n;
                names = cells.Select(c => c.Text.Trim()).ToArray();
                foreach (var required in new[] { "model", "resolution" })
                {
                    if (!names.Contains(required, StringComparer.OrdinalIgnoreCase))
                    {
                        throw new FitCheckException(DiagnosticCatalog.CalibrationCsv($"the header has no '{required}' column", new SourceLocation(path, n + 1, 1)));
                    }
                }

                if (!names.Contains("fps", StringComparer.OrdinalIgnoreCase) && !names.Contains("latencyMs", StringComparer.OrdinalIgnoreCase))
                {
                    throw new FitCheckException(DiagnosticCatalog.CalibrationCsv("the header has neither an 'fps' nor a 'latencyMs' column", new SourceLocation(path, n + 1, 1)));
                }

                continue;
            }

            if (rows.Count >= MaxRows)
            {
                throw new FitCheckException(DiagnosticCatalog.CalibrationCsv($"more than {MaxRows} rows", new SourceLocation(path, n + 1, 1)));
            }

            rows.Add(Row(names, cells, path, n + 1));
        }

        if (rows.Count == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.CalibrationCsv("no measurement rows", new SourceLocation(path, Math.Max(1, header + 1), 1)));
        }

        return rows;
    }

    private static CalibrationRow Row(string[] names, List<(string Text, int Column)> cells, string path, int line)
    {
        (string Text, SourceLocation At)? Cell(string name)
        {
            var i = Array.FindIndex(names, x => string.Equals(x, name, StringComparison.OrdinalIgnoreCase));
            if (i < 0 || i >= cells.Count || cells[i].Text.Trim().Length == 0)
            {
                return null;
            }

            return (cells[i].Text.Trim(), new SourceLocation(path, line, cells[i].Column));
        }

        var at = new SourceLocation(path, line, 1);
        var model = Cell("model") ?? throw new FitCheckException(DiagnosticCatalog.CalibrationCsv("the model is empty", at));
        var res = Cell("resolution") ?? throw new FitCheckException(DiagnosticCatalog.CalibrationCsv("the resolution is empty", at));
        var resolution = Resolution.Parse(res.Text, res.At);
        var precision = Precision.Int8;
        if (Cell("precision") is { } p && !PrecisionInfo.TryParse(p.Text, out precision))
        {
            throw new FitCheckException(DiagnosticCatalog.CalibrationCsv($"precision '{DiagnosticCatalog.Clip(p.Text)}' is not one of {string.Join(", ", PrecisionInfo.Names)}", p.At));
        }

        var batch = 1;
        if (Cell("batch") is { } b && (!int.TryParse(b.Text, NumberStyles.None, CultureInfo.InvariantCulture, out batch) || batch is < 1 or > 4096))
        {
            throw new FitCheckException(DiagnosticCatalog.CalibrationCsv($"batch '{DiagnosticCatalog.Clip(b.Text)}' is not a whole number from 1 to 4096", b.At));
        }

        var fps = Positive(Cell("fps"), "fps");
        var latency = Positive(Cell("latencyMs"), "latencyMs") / 1000;
        if (fps is null == latency is null)
        {
            throw new FitCheckException(DiagnosticCatalog.CalibrationCsv("give exactly one of fps and latencyMs", at));
        }

        return new CalibrationRow(model.Text, resolution, precision, batch, fps, latency, Cell("note")?.Text ?? "", model.At);
    }

    private static double? Positive((string Text, SourceLocation At)? cell, string name)
    {
        if (cell is not { } c)
        {
            return null;
        }

        if (!double.TryParse(c.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v <= 0)
        {
            throw new FitCheckException(DiagnosticCatalog.CalibrationCsv($"{name} '{DiagnosticCatalog.Clip(c.Text)}' is not a positive number", c.At));
        }

        return v;
    }

    private static List<(string Text, int Column)> Split(string line, string path, int lineNumber)
    {
        var cells = new List<(string, int)>();
        var i = 0;
        while (true)
        {
            var start = i;
            var sb = new System.Text.StringBuilder();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new FitCheckException(DiagnosticCatalog.CalibrationCsv("a quoted field is not closed", new SourceLocation(path, lineNumber, start + 1)));
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(line[i++]);
                }
            }

            while (i < line.Length && line[i] != ',')
            {
                sb.Append(line[i++]);
            }

            cells.Add((sb.ToString(), start + 1));
            if (i >= line.Length)
            {
                return cells;
            }

            i++;
        }
    }
}
