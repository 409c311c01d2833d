using System.Text;
using FitCheck.Diagnostics;

namespace FitCheck.Cli;

internal static class InputFiles
{
    /// <summary>Manifests are small; anything bigger is not a manifest and is refused before it is read.</summary>
    public const long MaxManifestBytes = 10_000_000;

    /// <summary>A JSON report of thousands of deployments stays far below this.</summary>
    public const long MaxReportBytes = 100_000_000;

    public static string ReadText(CliContext context, string path)
    {
        var full = context.ResolvePath(path);
        if (Directory.Exists(full))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"'{path}' is a directory", "pass the manifest file, e.g. fitcheck.yml"));
        }

        if (!File.Exists(full))
        {
            throw new FitCheckException(DiagnosticCatalog.FileNotFound(path));
        }

        var length = new FileInfo(full).Length;
        if (length > MaxManifestBytes)
        {
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(path, $"it is {length} bytes; a manifest may be at most {MaxManifestBytes} bytes") with
            {
                Location = new SourceLocation(path, 1, 1),
            });
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(full));
        }
        catch (DecoderFallbackException e)
        {
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(path, $"it is not UTF-8 text (invalid byte at offset {e.Index})") with
            {
                Location = new SourceLocation(path, 1, 1),
            });
        }
    }

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
