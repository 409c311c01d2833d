using FitCheck.Advice;
using Spectre.Console;

namespace FitCheck.Cli;

/// <summary>`advise` for people: one sentence per answer (never wrapped mid-figure), then a table.</summary>
internal static class AdviceConsole
{
    public static string Render(AdviceReport report, bool color)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var console = ConsoleFactory.Create(writer, color, ConsoleReport.DefaultWidth);
        foreach (var a in report.Answers)
        {
            writer.WriteLine((a.Group is null ? "" : $"[group {a.Group}] ") + a.Sentence + ".");
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "model", "resolution", "accelerator", "question", "answer", "next step", "fails there" })
        {
            table.AddColumn(column);
        }

        foreach (var a in report.Answers)
        {
            var answer = a.Status switch
            {
                AdviceStatus.Found => a.Value!,
                AdviceStatus.AtLimit => $">= {a.Value} (range end)",
                _ => "none",
            };
            var question = a.Gate is null ? a.Question : $"{a.Question} ({a.Gate})";
            var fails = a.NextFailures.Count == 0 ? "-" : string.Join(", ", a.NextFailures.Select(g => g.Name));
            table.AddRow(new Text(a.Target.Model), new Text(a.Target.Resolution.ToString()), new Text(a.Target.Accelerator.Name),
                new Text(question), new Text(answer), new Text(a.Next ?? "-"), new Text(fails));
        }

        console.Write(table);
        var unanswered = report.Answers.Count(a => a.Status == AdviceStatus.None);
        writer.WriteLine(unanswered == 0
            ? $"{report.Answers.Count} answer(s)."
            : $"{unanswered} of {report.Answers.Count} question(s) have no answer in range.");
        return writer.ToString();
    }
}
