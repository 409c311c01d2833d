using Spectre.Console;

namespace FitCheck.Cli;

/// <summary>A progress bar for long runs, on an interactive terminal only (never in CI logs or redirected output).</summary>
internal static class Progress
{
    public static T Run<T>(CliContext context, Func<Action<int, int>?, T> work)
    {
        if (!context.UseColor || Console.IsErrorRedirected)
        {
            return work(null);
        }

        T result = default!;
        AnsiConsole.Progress()
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
