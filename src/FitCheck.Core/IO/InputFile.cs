using FitCheck.Diagnostics;

namespace FitCheck.IO;

/// <summary>
/// The one way FitCheck opens an input: paths are checked for NUL and resolved without exceptions escaping;
/// a model file named in a manifest must be a regular file, checked before it is opened (opening a FIFO
/// blocks, reading /dev/zero never ends); a file named on the command line may be a pipe or device (process
/// substitution), but no read goes past its stated limit, and a pipe with no writer or no end gives up.
/// Every failure is a <see cref="FitCheckException"/> located at <c>at</c> when given.
/// </summary>
public static class InputFile
{
    /// <summary>How long a named FIFO may wait for a writer to open it.</summary>
    public static readonly TimeSpan PipeOpenTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long reading a pipe or device may take in all before FitCheck gives up on it.</summary>
    public static readonly TimeSpan PipeReadTimeout = TimeSpan.FromSeconds(5);

    /// <summary><paramref name="path"/> resolved against <paramref name="baseDirectory"/>; a NUL or an unusable path is an input error.</summary>
    public static string Resolve(string baseDirectory, string path, SourceLocation? at)
    {
        if (path.Contains('\0', StringComparison.Ordinal) || baseDirectory.Contains('\0', StringComparison.Ordinal))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidPath(path, "it contains a NUL character", at));
        }

        try
        {
            return Path.GetFullPath(Path.Combine(baseDirectory, path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or IOException)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidPath(path, "it is not a usable path", at));
        }
    }

    /// <summary>A model file must be a regular file: a FIFO, device, directory or socket is refused before it is opened.</summary>
    public static void RequireRegular(string fullPath, string shown, SourceLocation? at)
    {
        var kind = FileKinds.Of(fullPath);
        if (kind == FileKind.Missing)
        {
            throw new FitCheckException(DiagnosticCatalog.FileNotFound(shown) with { Location = at });
        }

        if (kind != FileKind.Regular)
        {
            throw new FitCheckException(DiagnosticCatalog.NotARegularFile(shown, FileKinds.Describe(kind), at));
        }
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes of a regular file, pipe or character device.
    /// <paramref name="tooLarge"/> gets the size as words ("2000000 bytes", "more than 1048576 bytes").
    /// </summary>
    public static byte[] ReadCapped(string fullPath, string shown, long limit, Func<string, Diagnostic> tooLarge, SourceLocation? at)
    {
        var kind = FileKinds.Of(fullPath);
        switch (kind)
        {
            case FileKind.Missing:
                throw new FitCheckException(DiagnosticCatalog.FileNotFound(shown) with { Location = at });
            case FileKind.Regular:
                var length = Attempt(shown, at, () => new FileInfo(fullPath).Length);
                if (length > limit)
                {
                    throw new FitCheckException(tooLarge($"{length} bytes"));
                }

                return Attempt(shown, at, () => ReadAll(fullPath, limit, tooLarge));
            case FileKind.Pipe when WritesToItself(fullPath):
                throw new FitCheckException(DiagnosticCatalog.PipeTimeout(shown,
                    "it is a pipe this process itself holds open for writing, so it would never end (standard input was closed?)", at));
            case FileKind.Pipe or FileKind.CharacterDevice:
                return ReadStream(fullPath, shown, limit, tooLarge, at);
            default:
                throw new FitCheckException(DiagnosticCatalog.NotARegularFile(shown, FileKinds.Describe(kind), at)
                    with
                { Hint = "pass a regular file, a pipe or process substitution such as <(cat file)" });
        }
    }

    /// <summary>Runs a file operation, turning what the OS refuses into an input error that names the file.</summary>
    public static T Attempt<T>(string shown, SourceLocation? at, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FitCheckException(Unreadable(shown, e, at));
        }
    }

    /// <summary>
    /// Words for an I/O failure. The CLI is trimmed with UseSystemResourceKeys, so an exception's Message
    /// may be a bare resource key; the exception's type (and HResult) say enough without it.
    /// </summary>
    public static Diagnostic Unreadable(string shown, Exception e, SourceLocation? at) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => DiagnosticCatalog.FileNotFound(shown) with { Location = at },
        _ => DiagnosticCatalog.FileUnreadable(shown, Reason(e)) with { Location = at },
    };

    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it does not exist",
        PathTooLongException => "the path is too long",
        ArgumentException or NotSupportedException => "the path is not usable",
        IOException io when (io.HResult & 0xFFFF) == 28 => "no space left on the device",
        IOException io when (io.HResult & 0xFFFF) == 21 => "it is a directory",
        IOException io when (io.HResult & 0xFFFF) == 30 => "the file system is read-only",
        IOException => "an I/O error occurred",
        _ => "an unexpected error occurred",
    };

    /// <summary>
    /// Whether this process holds the write end of the pipe <paramref name="fullPath"/> names. When a shell
    /// closes standard input (`0&lt;&amp;-`), the runtime's own wake-up pipe takes descriptor 0, so /dev/stdin
    /// names a pipe only this process writes to: reading it would wait forever. Linux only (via /proc).
    /// </summary>
    private static bool WritesToItself(string fullPath)
    {
        try
        {
            if (!Directory.Exists("/proc/self/fd"))
            {
                return false;
            }

            var target = fullPath;
            for (var hops = 0; hops < 8 && new FileInfo(target).LinkTarget is { } next; hops++)
            {
                target = next;
            }

            if (!target.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                if (new FileInfo(fd).LinkTarget == target && WriteFlag(Path.Combine("/proc/self/fdinfo", Path.GetFileName(fd))))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A descriptor closed while listing them; fall back to reading with the timeouts.
        }

        return false;
    }

    /// <summary>The `flags:` line of /proc/self/fdinfo/N (octal) says O_WRONLY (1) or O_RDWR (2).</summary>
    private static bool WriteFlag(string fdinfo)
    {
        foreach (var line in File.ReadLines(fdinfo))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                var flags = Convert.ToInt32(line["flags:".Length..].Trim(), 8);
                return (flags & 3) is 1 or 2;
            }
        }

        return false;
    }

    private static byte[] ReadAll(string fullPath, long limit, Func<string, Diagnostic> tooLarge)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return ReadUpTo(stream, limit, tooLarge);
    }

    private static byte[] ReadStream(string fullPath, string shown, long limit, Func<string, Diagnostic> tooLarge, SourceLocation? at)
    {
        FileStream? stream = null;
        var open = Task.Run(() => stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1));
        if (!WaitFor(open, PipeOpenTimeout, shown, at))
        {
            throw new FitCheckException(DiagnosticCatalog.PipeTimeout(shown, $"nothing opened it for writing within {PipeOpenTimeout.TotalSeconds:0.#} s", at));
        }

        using (stream)
        {
            var read = Task.Run(() => ReadUpTo(stream!, limit, tooLarge));
            if (!WaitFor(read, PipeReadTimeout, shown, at))
            {
                throw new FitCheckException(DiagnosticCatalog.PipeTimeout(shown, $"it did not end within {PipeReadTimeout.TotalSeconds:0.#} s", at));
            }

            return read.Result;
        }
    }

    private static bool WaitFor(Task task, TimeSpan timeout, string shown, SourceLocation? at)
    {
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException e) when (e.InnerException is FitCheckException f)
        {
            throw f;
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            throw new FitCheckException(Unreadable(shown, inner, at));
        }
    }

    /// <summary>
    /// Reads until the end or until more than <paramref name="limit"/> bytes arrived, in 64 KiB chunks joined
    /// at the end: what is allocated is what was read, never a buffer doubled past the limit.
    /// </summary>
    private static byte[] ReadUpTo(Stream stream, long limit, Func<string, Diagnostic> tooLarge)
    {
        const int chunkSize = 64 * 1024;
        var chunks = new List<byte[]>();
        long total = 0;
        while (true)
        {
            var chunk = new byte[chunkSize];
            var filled = 0;
            int n;
            while (filled < chunkSize && (n = stream.Read(chunk, filled, chunkSize - filled)) > 0)
            {
                filled += n;
            }

            total += filled;
            if (total > limit)
            {
                throw new FitCheckException(tooLarge($"more than {limit} bytes"));
            }

            if (filled < chunkSize)
            {
                Array.Resize(ref chunk, filled);
                chunks.Add(chunk);
                break;
            }

            chunks.Add(chunk);
        }

        var bytes = new byte[total];
        var offset = 0;
        foreach (var c in chunks)
        {
            Buffer.BlockCopy(c, 0, bytes, offset, c.Length);
            offset += c.Length;
        }

        return bytes;
    }
}
