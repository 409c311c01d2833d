using Spectre.Console;
using Spectre.Console.Rendering;

namespace FitCheck.Cli;

/// <summary>
/// A table that fits the width it is given without splitting a figure: cells never wrap, and when the
/// widest row does not fit, optional columns are dropped (highest <see cref="Column.DropOrder"/> first) and
/// a line under the table says which. Spectre would otherwise wrap "2842.2" into "2842." and "2".
/// </summary>
internal static class TableFit
{
    /// <param name="Short">The header when space is short ("res" for "resolution"); <paramref name="ShortCells"/> likewise.</param>
    public sealed record Column(string Header, bool Optional, int DropOrder, IReadOnlyList<string> Cells,
        string? Short = null, IReadOnlyList<string>? ShortCells = null, bool Left = false)
    {
        /// <summary>Characters the column takes: its widest text, one space each side and its border.</summary>
        public int Width => Math.Max(Header.Length, Cells.Count == 0 ? 0 : Cells.Max(c => c.Length)) + 3;

        public Column Abbreviated => this with { Header = Short ?? Header, Cells = ShortCells ?? Cells };
    }

    /// <param name="styled">A renderable for a cell that is shown with markup (null: plain text).</param>
    /// <returns>The table and the headers of the columns left out.</returns>
    public static (Table Table, IReadOnlyList<string> Dropped) Build(List<Column> columns, int width, Func<Column, int, IRenderable?> styled)
    {
        var shown = new List<Column>(columns);
        if (Needed(shown) > width)
        {
            // Abbreviate before dropping anything: "res", "accel", "acts", "FAIL 2/3" keep every figure.
            shown = [.. shown.Select(c => c.Abbreviated)];
        }

        var dropped = new List<string>();
        while (Needed(shown) > width && shown.Where(c => c.Optional).MaxBy(c => c.DropOrder) is { } drop)
        {
            shown.Remove(drop);
            dropped.Add(drop.Header);
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var c in shown)
        {
            var column = new TableColumn(c.Header).NoWrap();
            table.AddColumn(c.Left ? column : column.RightAligned());
        }

        var rows = columns.Count == 0 ? 0 : columns[0].Cells.Count;
        for (var row = 0; row < rows; row++)
        {
            table.AddRow([.. shown.Select(c => styled(c, row) ?? new Text(c.Cells[row]))]);
        }

        return (table, dropped);
    }

    private static int Needed(List<Column> columns) => columns.Sum(c => c.Width) + 1;
}
