namespace FitCheck.Tests.Corpus;

/// <summary>
/// One hostile (or, where <see cref="Reason"/> says why, valid) input for `dotnet fitcheck check`.
/// Files are written to a directory of their own; <see cref="Manifest"/> is the one passed to `check`.
/// </summary>
/// <param name="ExpectedExit">2 for bad input; 0 or 1 only for a valid case, with its reason.</param>
/// <param name="ExpectedId">The diagnostic id, when the case pins one.</param>
public sealed record CorpusCase(
    string Name,
    Func<string, string> Write,
    int ExpectedExit = 2,
    string? ExpectedId = null,
    string? Reason = null)
{
    public override string ToString() => Name;
}
