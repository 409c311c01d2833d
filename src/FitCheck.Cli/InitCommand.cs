using FitCheck.Diagnostics;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>`dotnet fitcheck init [PATH]`: write a starter manifest that editors validate against the schema.</summary>
internal static class InitCommand
{
    public const string DefaultPath = "fitcheck.yml";

    public static void Register(CommandLineApplication app, CliContext context) =>
        app.Command("init", cmd =>
        {
            cmd.Description = "Write a starter manifest (never overwrites an existing file).";
            cmd.ExtendedHelpText = """

                Examples:
                  dotnet fitcheck init
                  dotnet fitcheck init ci/fitcheck.yml

                The file starts with `# yaml-language-server: $schema=...`, so editors with the YAML
                language server complete and validate it.
                """;
            var path = cmd.Argument("path", $"Where to write the manifest. Default: {DefaultPath}.");
            cmd.OnExecute(() =>
            {
                var target = string.IsNullOrWhiteSpace(path.Value) ? DefaultPath : path.Value;
                var full = context.ResolvePath(target);
                if (File.Exists(full) || Directory.Exists(full))
                {
                    throw new FitCheckException(DiagnosticCatalog.OutputExists(target));
                }

                ReportWriter.WriteFile(context, target, StarterManifest.Text);
                context.Out.WriteLine($"Wrote {target}. Next: dotnet fitcheck check {target}");
                return FitCheckApp.Passed;
            });
        });
}
