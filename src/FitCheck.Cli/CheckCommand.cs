using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Manifest;
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

                Exit codes: 0 every gate passed, 1 a gate failed, 2 the manifest or a model is wrong.
                """;
            var manifest = cmd.Argument("manifest", "Path to the YAML manifest (e.g. fitcheck.yml).");
            var format = cmd.Option("-f|--format <FORMAT>", OutputFormats.Help, CommandOptionType.SingleValue);
            var output = cmd.Option("-o|--output <FILE>", "Write the report to FILE instead of standard output.", CommandOptionType.SingleValue);
            cmd.OnExecute(() =>
            {
                if (string.IsNullOrWhiteSpace(manifest.Value))
                {
                    throw new FitCheckException(DiagnosticCatalog.InvalidArgument("missing the manifest path",
                        "run `dotnet fitcheck check fitcheck.yml`, or `dotnet fitcheck init` to write a starter manifest"));
                }

                var chosen = OutputFormats.Parse(format.Value());
                // Diagnostics name the manifest as the user wrote it; model paths resolve from its real directory.
                var document = ManifestParser.Parse(manifest.Value, InputFiles.ReadText(context, manifest.Value));
                var fullPath = context.ResolvePath(manifest.Value);
                var report = Progress.Run(context, progress => Evaluator.Check(document with { Path = fullPath }, progress));
                report = report with { ManifestPath = manifest.Value };
                ReportWriter.Write(context, report, chosen, output.Value());
                return report.AllPassed ? FitCheckApp.Passed : FitCheckApp.GateFailed;
            });
        });
}
