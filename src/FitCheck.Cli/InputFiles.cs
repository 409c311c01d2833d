using FitCheck.Diagnostics;

namespace FitCheck.Cli;

internal static class InputFiles
{
    /// <summary>A JSON report of thousands of deployments stays far below this.</summary>
    public const long MaxReportBytes = 100_000_000;

    /// <summary>A baseline report as bytes, refused when missing, a directory or implausibly large.</summary>
    public static byte[] ReadBytes(CliContext context, string path)
    {
        var full = context.ResolvePath(path);
        if (Directory.Exists(full))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"'{path}' is a directory", "pass a file"));
        }

        if (!File.Exists(full))
        {
            throw new FitCheckException(DiagnosticCatalog.FileNotFound(path));
        }

        var length = new FileInfo(full).Length;
        if (length > MaxReportBytes)
        {
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(path, $"it is {length} bytes; a report may be at most {MaxReportBytes} bytes"));
        }

        return File.ReadAllBytes(full);
    }
}
