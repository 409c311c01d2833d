using System.Globalization;
using FitCheck.Advice;
using FitCheck.Baseline;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Manifest;
using FitCheck.Reports;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>`dotnet fitcheck check MANIFEST`: evaluate every deployment and gate on the result.</summary>
internal static class CheckCommand
{
    public static void Register(CommandLineApplication app, CliContext context) =>
        app.Command("check", cmd =>
        {
            cmd.Description = "Check every model x resolution x accelerator in a manifest against its gates.";
            cmd.ExtendedHelpText = """

                Examples:
                  dotnet fitcheck check examples/seed/fitcheck.yml
                  dotnet fitcheck check fitcheck.yml --format json --output fitcheck.json
                  dotnet fitcheck check fitcheck.yml --report md=fitcheck.md --report sarif=fitcheck.sarif
                  dotnet fitcheck check fitcheck.yml --baseline main.json --max-growth 5%

                Exit codes: 0 every gate passed, 1 a gate failed (or a figure grew beyond --max-growth),
                2 the manifest, a model or the baseline is wrong.
                With GITHUB_ACTIONS=true, failed gates are also printed as ::error workflow commands.
                """;
            var manifest = cmd.Argument("manifest", "Path to the YAML manifest. Default: ./fitcheck.yml.");
            var report = ReportOutput.Register(cmd, ReportKind.Check);
            var reports = cmd.Option("--report <REPORT>",
                $"Also write a report to a file, as FORMAT=PATH (e.g. md=summary.md); repeat for several. FORMAT: {ReportFormats.Names(ReportKind.Check)}.", CommandOptionType.MultipleValue);
            var baseline = cmd.Option("--baseline <FILE>",
                "An earlier `--format json` report: show per-deployment deltas of weights, activations, code and fps.", CommandOptionType.SingleValue);
            var limits = CliLimits.Register(cmd);
            var maxGrowth = cmd.Option("--max-growth <PERCENT>",
                "With --baseline: fail (exit 1) when any size figure grows, or fps drops, by more than PERCENT (e.g. 5%). Default: no limit.",
                CommandOptionType.SingleValue);
            cmd.OnExecute(() =>
            {
                var path = ManifestFile.Choose(context, manifest.Value) ?? throw ManifestFile.Missing("check");
                var chosen = report.Parse();
                var requests = reports.Values.Select(v => ReportRequest.Parse(v ?? "", ReportKind.Check, "check")).ToList();
                var budget = ParseGrowth(maxGrowth.Value(), baseline.HasValue());
                var workLimits = limits.Parse();
                var outputs = requests.Select(r => r.Path).Append(report.Path).ToList();
                OutputFile.RefuseInputs(context, outputs, [(path, "manifest"), .. baseline.Value() is { } bl ? [(bl, "baseline")] : Array.Empty<(string, string)>()]);
                var old = baseline.Value() is { } b ? BaselineReader.Read(b, InputFiles.ReadBytes(context, b)) : null;

                // Diagnostics name the manifest as the user wrote it; model paths resolve from its real directory.
                var document = ManifestFile.Read(context, path);
                var fullPath = context.ResolvePath(path);
                var modelDirectory = Path.GetDirectoryName(fullPath) ?? context.WorkingDirectory;
                OutputFile.RefuseInputs(context, outputs,
                    document.Models.Where(m => !m.Source.StartsWith(Models.ModelSourceResolver.ZooPrefix, StringComparison.OrdinalIgnoreCase))
                        .Select(m => (Path.Combine(modelDirectory, m.Source.Trim()), $"model file of '{InertText.Clip(m.Name)}'")));
                var results = Progress.Run(context, progress => ManifestCheck.Check(document with { Path = fullPath }, progress, workLimits));
                results = results with { ManifestPath = path };
                foreach (var warning in results.Warnings)
                {
                    context.Error.WriteLine(warning.Format());
                }

                // Where a gate fails, every format also says what would pass (searched with the same gates).
                if (!results.AllPassed)
                {
                    results = FailureAdvice.Annotate(results, document with { Path = fullPath });
                }

                var comparison = old is null
                    ? null
                    : BaselineComparison.Compare(baseline.Value()!, old, results.Results.Select(DeploymentFigures.From).ToList(), budget);
                // The growth budget becomes each compared deployment's max-growth gate: from here on the report alone
                // decides the verdict, so the exit code and every format agree.
                results = comparison?.ApplyTo(results) ?? results;
                var options = new ReportOptions(FitCheckApp.Version, document.Accelerators, comparison);

                foreach (var request in requests)
                {
                    ReportWriter.WriteFile(context, request.Path, results, request.Format, options);
                }

                if (report.Path is { } output)
                {
                    ReportWriter.WriteFile(context, output, results, chosen, options);
                }
                else
                {
                    report.Emit(context, ReportWriter.Render(context, results, chosen, options, toFile: false));
                }
                if (string.Equals(context.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    // Workflow commands are read from either stream; keep them out of a JSON/XML report on stdout.
                    var stream = report.Path is not null || !chosen.MachineReadable ? context.Out : context.Error;
                    GitHubAnnotations.Write(stream, results);
                }

                return results.AllPassed ? FitCheckApp.Passed : FitCheckApp.GateFailed;
            });
        });

    /// <summary>"5%", "5 %" or "5" (percent); a fraction of 1 is 100 %.</summary>
    public static double? ParseGrowth(string? text, bool haveBaseline)
    {
        if (text is null)
        {
            return null;
        }

        if (!haveBaseline)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument("--max-growth needs --baseline",
                "add --baseline FILE with an earlier `--format json` report to compare with"));
        }

        var number = text.Trim().TrimEnd('%').TrimEnd();
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            || !double.IsFinite(percent))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidMaxGrowth(text));
        }

        return percent / 100;
    }
}
