using System.Globalization;
using FitCheck.Evaluation;

namespace FitCheck.Reports;

/// <summary>
/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), one per failed gate
/// (the growth budget included, as the max-growth gate), so the run's log and the PR's files view point at the manifest.
/// </summary>
public static class GitHubAnnotations
{
    public static void Write(TextWriter w, CheckReport report)
    {
        var file = report.ManifestPath?.Replace('\\', '/');
        foreach (var r in report.Results)
        {
            foreach (var g in r.Gates.Where(g => !g.Passed))
            {
                var at = new List<string>();
                if (file is not null)
                {
                    at.Add("file=" + Property(file));
                    if (r.DeployLocation is { } loc)
                    {
                        at.Add("line=" + loc.Line.ToString(CultureInfo.InvariantCulture));
                        at.Add("col=" + loc.Column.ToString(CultureInfo.InvariantCulture));
                    }
                }

                at.Add("title=" + Property($"FitCheck {g.Name}: {r.Analysis.Model}@{r.Analysis.Resolution} on {r.RunsOn}"));
                w.Write($"::error {string.Join(",", at)}::{Data(g.Message)}\n");
            }
        }
    }

    /// <summary>Escaping of a command's message, as the runner's toolkit does it.</summary>
    public static string Data(string text) => text
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escaping of a property value, where ':' and ',' are separators too.</summary>
    public static string Property(string text) => Data(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
