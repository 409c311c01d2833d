using System.Globalization;
using FitCheck.Diagnostics;
using FitCheck.Limits;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>`--limit NAME=N` (any row of <see cref="WorkLimits.Table"/>) and its shorthand `--max-evaluations N`.</summary>
internal sealed class CliLimits(CommandOption limit, CommandOption maxEvaluations)
{
    public static CliLimits Register(CommandLineApplication cmd) => new(
        cmd.Option("--limit <LIMIT>", $"Raise (or lower) a work limit, as NAME=N; repeat for several. Limits: {WorkLimits.Help}.", CommandOptionType.MultipleValue),
        cmd.Option("--max-evaluations <N>",
            $"Most model x resolution x accelerator evaluations in one run (same as --limit evaluations=N). Default: {WorkLimits.Default.Evaluations.ToString("N0", CultureInfo.InvariantCulture)}.",
            CommandOptionType.SingleValue));

    public WorkLimits Parse()
    {
        var limits = WorkLimits.Default;
        var texts = limit.Values.Select(v => v ?? "").ToList();
        if (maxEvaluations.Value() is { } n)
        {
            texts.Add("evaluations=" + n);
        }

        foreach (var text in texts)
        {
            limits = limits.With(text) ?? throw new FitCheckException(DiagnosticCatalog.InvalidArgument(
                $"--limit '{InertText.Clip(text)}' is not NAME=N with a known NAME and a whole number N from 1",
                $"limits: {string.Join(", ", WorkLimits.Table.Select(t => t.Name))}; e.g. `--limit evaluations=200000`"));
        }

        return limits;
    }
}
