namespace FitCheck.Tests.Hostile;

/// <summary>
/// One input of the second hostile round, run as `dotnet fitcheck ARGS` in a directory of its own.
/// <see cref="Arrange"/> writes the files (sparse files, FIFOs, symlinks to devices) and returns the arguments.
/// </summary>
/// <param name="ExpectedExit">2 for bad input; 0 or 1 for a valid case (say why in <see cref="Reason"/>).</param>
/// <param name="ExpectedId">The diagnostic id the case pins, when it pins one.</param>
/// <param name="Located">Whether the message must carry a `file(line,col)` (command-line argument errors do not).</param>
public sealed record HostileCase(
    string Name,
    Func<string, string[]> Arrange,
    int ExpectedExit = 2,
    string? ExpectedId = null,
    string? Reason = null,
    bool Located = true)
{
    public override string ToString() => Name;
}
