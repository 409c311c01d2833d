namespace FitCheck.Cli;

/// <summary>The command tree; returns the process exit code (0 pass, 1 gate failed, 2 bad input).</summary>
internal static class FitCheckApp
{
    public static int Run(string[] args, CliContext context)
    {
        context.Out.WriteLine("fitcheck");
        return args.Length == 0 ? 0 : 2;
    }
}
