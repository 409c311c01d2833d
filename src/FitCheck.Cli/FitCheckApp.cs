using FitCheck.Diagnostics;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>
/// The command tree, built with McMaster's builder API (its attribute model needs reflection, which
/// Native AOT cannot keep). Returns the exit code: 0 every gate passed, 1 a gate failed, 2 bad input.
/// </summary>
internal static class FitCheckApp
{
    public const int Passed = 0;
    public const int GateFailed = 1;
    public const int BadInput = 2;

    public static string Version { get; } =
        typeof(FitCheckApp).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public static int Run(string[] args, CliContext context)
    {
        var app = new CommandLineApplication
        {
            Name = "dotnet fitcheck",
            FullName = "FitCheck",
            Description = "Checks that neural networks fit an accelerator's memory at the resolutions you deploy them, and gates CI on it.",
            Out = context.Out,
            Error = context.Error,
            MakeSuggestionsInErrorMessage = true,
        };
        app.HelpOption("-h|--help", inherited: true);
        app.VersionOption("--version", Version);
        app.ExtendedHelpText = """

            Examples:
              dotnet fitcheck check examples/seed/fitcheck.yml
              dotnet fitcheck check fitcheck.yml --format json --output fitcheck.json
              dotnet fitcheck analyze zoo:yolov3 --resolution 608x608 --format json
              dotnet fitcheck zoo
              dotnet fitcheck init

            Exit codes: 0 every gate passed, 1 a gate failed, 2 the input is wrong.
            """;

        CheckCommand.Register(app, context);
        AnalyzeCommand.Register(app, context);
        ZooCommand.Register(app, context);
        ExplainCommand.Register(app, context);
        SweepCommand.Register(app, context);
        AdviseCommand.Register(app, context);
        InitCommand.Register(app, context);
        CalibrateCommand.Register(app, context);
        app.OnExecute(() =>
        {
            app.ShowHelp();
            return BadInput;
        });

        try
        {
            return app.Execute(args);
        }
        catch (CommandParsingException e)
        {
            return Report(context, DiagnosticCatalog.InvalidArgument(e.Message, "run `dotnet fitcheck --help` for the commands and their options"));
        }
        catch (FitCheckException e)
        {
            return Report(context, e.Diagnostic);
        }
        catch (IOException e)
        {
            return Report(context, DiagnosticCatalog.InvalidArgument($"cannot read or write a file: {e.Message}", "check the paths and permissions"));
        }
        catch (UnauthorizedAccessException e)
        {
            return Report(context, DiagnosticCatalog.InvalidArgument($"access denied: {e.Message}", "check the paths and permissions"));
        }
    }

    public static int Report(CliContext context, Diagnostic diagnostic)
    {
        context.Error.WriteLine(diagnostic.Format());
        return BadInput;
    }
}
