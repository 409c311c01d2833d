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
    public const int Internal = 3;

    public static string Version { get; } =
        typeof(FitCheckApp).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public static int Run(string[] args, CliContext context)
    {
        try
        {
            return Build(context).Execute(args);
        }
        catch (CommandParsingException e)
        {
            return Report(context, OptionSuggestions.Diagnose(e));
        }
        catch (FitCheckException e)
        {
            foreach (var diagnostic in e.All)
            {
                context.Error.WriteLine(diagnostic.Format());
            }

            if (e.Truncated)
            {
                context.Error.WriteLine($"fitcheck: stopped after {e.All.Count} errors; fix these and run again for the rest");
            }

            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Words from the exception's type: with UseSystemResourceKeys its Message is a bare resource key.
            return Report(context, DiagnosticCatalog.InvalidArgument($"cannot read or write a file: {IO.InputFile.Reason(e)}", "check the paths and permissions"));
        }
        catch (OverflowException)
        {
            // Every combining site names its figure (FC1101); this catches one that was missed, still as bad input.
            return Report(context, DiagnosticCatalog.FigureOverflow("a size computed from the input"));
        }
        catch (Exception e)
        {
            return InternalError(context, e, args.Contains("--verbose", StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The one top-level guard: a bug becomes `error FC0000: internal error` and exit 3, never a stack trace
    /// on the console; --verbose adds the exception's details. The corpus asserts that no input reaches it.
    /// </summary>
    public static int InternalError(CliContext context, Exception e, bool verbose)
    {
        context.Error.WriteLine(DiagnosticCatalog.InternalError(e.GetType().Name).Format());
        if (verbose)
        {
            context.Error.WriteLine(e.ToString());
        }

        return Internal;
    }

    private static CommandLineApplication Build(CliContext context)
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
        app.Option("--verbose", "On an internal error (exit 3), also print the exception's details.", CommandOptionType.NoValue, inherited: true);
        app.ExtendedHelpText = """

            Examples:
              dotnet fitcheck check examples/seed/fitcheck.yml
              dotnet fitcheck check fitcheck.yml --format json --output fitcheck.json
              dotnet fitcheck analyze zoo:yolov3 --resolution 608x608 --format json
              dotnet fitcheck zoo
              dotnet fitcheck init

            Exit codes: 0 every gate passed, 1 a gate failed, 2 the input is wrong,
            3 an internal error (a bug: `error FC0000`; run again with --verbose for details).
            """;

        CheckCommand.Register(app, context);
        AnalyzeCommand.Register(app, context);
        ZooCommand.Register(app, context);
        ExplainCommand.Register(app, context);
        SweepCommand.Register(app, context);
        AdviseCommand.Register(app, context);
        InitCommand.Register(app, context);
        CalibrateCommand.Register(app, context);
        foreach (var command in app.Commands)
        {
            // Children copy Console.Out when they are created; a command's help and errors go where the app's do.
            command.Out = context.Out;
            command.Error = context.Error;
        }

        app.OnExecute(() =>
        {
            app.ShowHelp();
            return BadInput;
        });
        return app;
    }

    public static int Report(CliContext context, Diagnostic diagnostic)
    {
        context.Error.WriteLine(diagnostic.Format());
        return BadInput;
    }
}
