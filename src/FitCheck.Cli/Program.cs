namespace FitCheck.Cli;

internal static class Program
{
    private static int Main(string[] args) =>
        FitCheckApp.Run(args, new CliContext(Console.Out, Console.Error, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable));
}
