using Spectre.Console;

namespace FitCheck.Cli;

/// <summary>A progress bar for long runs on stderr, when stderr is a terminal (never in CI logs or redirected output).</summary>
internal static class Progress
{
    public static T Run<T>(CliContext context, Func<Action<int, int>?, T> work)
    {
        // Progress follows whether stderr is a terminal, not NO_COLOR: NO_COLOR asks for no colour, not no feedback.
        if (Console.IsErrorRedirected || !ReferenceEquals(context.Error, Console.Error))
        {
            return work(null);
        }

        var noColor = !string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Start(ctx =>
            {
                var task = ctx.AddTask("Analysing");
                result = work((done, total) =>
                {
                    task.MaxValue = total;
                    task.Value = done;
                });
            });
        return result;
    }
}
