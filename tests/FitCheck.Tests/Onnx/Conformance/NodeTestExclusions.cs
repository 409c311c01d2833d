namespace FitCheck.Tests.Onnx.Conformance;

/// <summary>
/// The one list of backend node tests that cannot apply to FitCheck, each with its reason:
/// "test_name  reason" per line, '#' starts a comment, a trailing '*' matches a family of tests.
/// </summary>
internal sealed class NodeTestExclusions
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string Reason)> _families = [];

    public static NodeTestExclusions Load(string path)
    {
        var e = new NodeTestExclusions();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var split = line.IndexOfAny([' ', '\t']);
            if (split < 0)
            {
                throw new InvalidDataException($"{path}({number}): '{line}' has no reason; write 'test_name  reason'");
            }

            var name = line[..split];
            var reason = line[split..].Trim();
            if (name.EndsWith('*'))
            {
                e._families.Add((name[..^1], reason));
            }
            else if (!e._exact.TryAdd(name, reason))
            {
                throw new InvalidDataException($"{path}({number}): '{name}' is listed twice");
            }
        }

        return e;
    }

    public string? ReasonFor(string test) =>
        _exact.TryGetValue(test, out var reason) ? reason : _families.FirstOrDefault(f => test.StartsWith(f.Prefix, StringComparison.Ordinal)).Reason;

    /// <summary>Whether the test is listed by its own name (not only covered by a family).</summary>
    public bool ListsByName(string test) => _exact.ContainsKey(test);

    /// <summary>Entries that name no existing test: a typo, or a test the package no longer ships.</summary>
    public IEnumerable<string> Unused(IEnumerable<string> tests)
    {
        var all = tests.ToList();
        return _exact.Keys.Where(k => !all.Contains(k))
            .Concat(_families.Where(f => !all.Any(t => t.StartsWith(f.Prefix, StringComparison.Ordinal))).Select(f => f.Prefix + "*"));
    }
}
