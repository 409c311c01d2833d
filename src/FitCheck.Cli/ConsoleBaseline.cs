using System.Globalization;
using System.Text;
using FitCheck.Baseline;

namespace FitCheck.Cli;

/// <summary>The baseline comparison under the console table: one line per changed, added or removed deployment.</summary>
internal static class ConsoleBaseline
{
    public static string Render(BaselineComparison baseline)
    {
        var s = new StringBuilder();
        s.Append('\n').Append("Compared with ").Append(baseline.BaselinePath).Append(":\n");
        var unchanged = 0;
        foreach (var d in baseline.Deployments)
        {
            switch (d.Status)
            {
                case DiffStatus.Added:
                    s.Append("  + ").Append(d.Key).Append(" (added)\n");
                    break;
                case DiffStatus.Removed:
                    s.Append("  - ").Append(d.Key).Append(" (removed)\n");
                    break;
                case DiffStatus.Changed:
                    var changes = d.Deltas.Where(x => !x.Unchanged).Select(x => x.ToString());
                    s.Append("  ~ ").Append(d.Label).Append(": ").AppendJoin("; ", changes).Append('\n');
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        if (unchanged > 0)
        {
            s.Append("  ").Append(unchanged.ToString(CultureInfo.InvariantCulture)).Append(unchanged == 1 ? " deployment unchanged\n" : " deployments unchanged\n");
        }

        if (baseline.MaxGrowth is not null && baseline.Passed)
        {
            s.Append("Every figure is within the ").Append(baseline.BudgetText).Append(" growth budget.\n");
        }

        return s.ToString();
    }
}
