using System.Text;
using FitCheck.Diagnostics;
using FitCheck.IO;

namespace FitCheck.Cli;

/// <summary>
/// Writes a report so that no reader ever sees half of it: a regular file (or a new path) is written to a
/// temporary file in the same directory and renamed over the target, which POSIX makes atomic; a pipe,
/// terminal or /dev/stdout cannot be renamed into, so it is written directly (a FIFO nobody reads is given
/// <see cref="InputFile.PipeOpenTimeout"/> to get a reader, then refused, instead of blocking forever).
/// Every failure is FC0008 with the path, exit 2.
/// </summary>
internal static class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static void Write(CliContext context, string path, string text) => Write(context, path, stream => stream.Write(Utf8.GetBytes(text)));

    /// <summary>As <see cref="Write(CliContext, string, string)"/>, with the content written by <paramref name="write"/> as it is made.</summary>
    public static void Write(CliContext context, string path, Action<Stream> write)
    {
        var full = context.ResolvePath(path);
        var kind = FileKinds.Of(full);
        switch (kind)
        {
            case FileKind.Regular or FileKind.Missing:
                // Through a symbolic link, replace the file it names, not the link.
                var target = kind == FileKind.Regular ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName : null;
                WriteAtomically(path, target ?? full, write);
                break;
            case FileKind.Pipe or FileKind.CharacterDevice:
                WriteDirectly(path, full, write);
                break;
            default:
                throw new FitCheckException(DiagnosticCatalog.CannotWriteOutput(path, $"it is {FileKinds.Describe(kind)}"));
        }
    }

    /// <summary>Refuses an output that would overwrite one of the inputs (`check m.yml --output m.yml`).</summary>
    public static void RefuseInputs(CliContext context, IEnumerable<string?> outputs, IEnumerable<(string Path, string What)> inputs)
    {
        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, what) in inputs)
        {
            if (Canonical(context, path) is { } c)
            {
                byPath.TryAdd(c, what);
            }
        }

        foreach (var output in outputs)
        {
            if (output is not null && Canonical(context, output) is { } c && byPath.TryGetValue(c, out var what))
            {
                throw new FitCheckException(DiagnosticCatalog.OutputIsInput(output, what));
            }
        }
    }

    /// <summary>The full path with symbolic links resolved, or null when it cannot be worked out.</summary>
    private static string? Canonical(CliContext context, string path)
    {
        try
        {
            var full = context.ResolvePath(path);
            var target = File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName : null;
            return Path.GetFullPath(target ?? full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or FitCheckException)
        {
            return null;
        }
    }

    private static void WriteAtomically(string shown, string full, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            TryDelete(temp);
            throw new FitCheckException(DiagnosticCatalog.CannotWriteOutput(shown, InputFile.Reason(e)));
        }
    }

    private static void WriteDirectly(string shown, string full, Action<Stream> write)
    {
        FileStream? stream = null;
        var open = Task.Run(() => stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1));
        if (!Wait(open, InputFile.PipeOpenTimeout, shown))
        {
            throw new FitCheckException(DiagnosticCatalog.CannotWriteOutput(shown,
                $"nothing opened it for reading within {InputFile.PipeOpenTimeout.TotalSeconds:0.#} s (a FIFO needs a reader, e.g. `cat fifo &`)"));
        }

        using (stream)
        {
            if (!Wait(Task.Run(() => write(stream!)), InputFile.PipeReadTimeout, shown))
            {
                throw new FitCheckException(DiagnosticCatalog.CannotWriteOutput(shown,
                    $"its reader took in nothing for {InputFile.PipeReadTimeout.TotalSeconds:0.#} s"));
            }
        }
    }

    private static bool Wait(Task task, TimeSpan timeout, string shown)
    {
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new FitCheckException(DiagnosticCatalog.CannotWriteOutput(shown, InputFile.Reason(e.InnerException!)));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file is hidden and uniquely named; leaving it is better than masking the real error.
        }
    }
}
