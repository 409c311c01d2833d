using FitCheck.Diagnostics;
using FitCheck.IO;

namespace FitCheck.Cli;

internal static class InputFiles
{
    /// <summary>A JSON report of thousands of deployments stays far below this.</summary>
    public const long MaxReportBytes = 100_000_000;

    /// <summary>
    /// A baseline report as bytes: a file or a pipe (process substitution), never read past
    /// <see cref="MaxReportBytes"/>, so /dev/zero is refused as soon as the limit is reached.
    /// </summary>
    public static byte[] ReadBytes(CliContext context, string path)
    {
        var at = new SourceLocation(path, 1, 1);
        return InputFile.ReadCapped(context.ResolvePath(path), path, MaxReportBytes,
            size => DiagnosticCatalog.FileUnreadable(path, $"it is {size}; a baseline report may be at most {MaxReportBytes} bytes") with { Location = at }, at);
    }
}
