using System.Text;

namespace FitCheck.Cli;

/// <summary>
/// Standard output or error that may have been closed (`2>&-`) or may break (a pipe whose reader left):
/// a failed write is dropped, because there is nowhere left to report it, and the exit code — the verdict
/// CI reads — must not change because a diagnostic could not be printed.
/// </summary>
internal sealed class SafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => Guard(() => inner.Encoding, Encoding.UTF8);

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter is annotated nullable-in on some targets
        set => Guard(() => inner.NewLine = value);
#pragma warning restore CS8765
    }

    /// <summary>Console.Out or Console.Error, or a null writer when the runtime cannot even open it.</summary>
    public static TextWriter Open(Func<TextWriter> console)
    {
        try
        {
            return new SafeWriter(console());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            return Null;
        }
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            // Nowhere to report it; see the class comment.
        }
    }

    private static T Guard<T>(Func<T> get, T fallback)
    {
        try
        {
            return get();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            return fallback;
        }
    }
}
