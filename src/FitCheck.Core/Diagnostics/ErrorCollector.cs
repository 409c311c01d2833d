namespace FitCheck.Diagnostics;

/// <summary>
/// Gathers input errors so a reader can go on past one and report them all at once, the way compilers and
/// `dotnet format` do: each part that can fail on its own (a manifest entry, a key, a model file) runs in
/// <see cref="Run"/>; at <see cref="Limit"/> errors reading stops; <see cref="ThrowIfAny"/> throws them in
/// source order. A part that fails is skipped, so what depends on it must not report a second, derived error.
/// </summary>
public sealed class ErrorCollector
{
    /// <summary>Beyond this many, more errors are more likely consequences of the first ones than news.</summary>
    public const int Limit = 20;

    private readonly List<Diagnostic> _errors = [];

    public int Count => _errors.Count;

    public void Add(Diagnostic diagnostic)
    {
        _errors.Add(diagnostic);
        if (_errors.Count >= Limit)
        {
            throw Build(truncated: true);
        }
    }

    /// <summary>Runs <paramref name="part"/>; its input errors are collected and it yields default.</summary>
    public T? Run<T>(Func<T> part)
    {
        try
        {
            return part();
        }
        catch (FitCheckException e) when (!e.Truncated)
        {
            foreach (var d in e.All)
            {
                Add(d);
            }

            return default;
        }
    }

    public bool Run(Action part) => Run(() =>
    {
        part();
        return true;
    });

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw Build(truncated: false);
        }
    }

    /// <summary>In source order: by file, line, column; errors without a place first; ties keep the order found.</summary>
    private FitCheckException Build(bool truncated) => new(
        _errors.Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location?.File ?? "", StringComparer.Ordinal)
            .ThenBy(x => x.d.Location?.Line ?? 0)
            .ThenBy(x => x.d.Location?.Column ?? 0)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList(),
        truncated,
        _errors[0]);
}
