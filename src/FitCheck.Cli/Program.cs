using FitCheck.Diagnostics;

namespace FitCheck.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var stdout = SafeWriter.Open(() => Console.Out);
        var stderr = SafeWriter.Open(() => Console.Error);
        string workingDirectory;
        try
        {
            workingDirectory = Directory.GetCurrentDirectory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // getcwd fails when the directory was deleted under the shell; every relative path would too.
            stderr.WriteLine(DiagnosticCatalog.NoWorkingDirectory().Format());
            return FitCheckApp.BadInput;
        }

        var code = FitCheckApp.Run(args, new CliContext(stdout, stderr, workingDirectory, Environment.GetEnvironmentVariable));
        stdout.Flush();
        stderr.Flush();
        return code;
    }
}
