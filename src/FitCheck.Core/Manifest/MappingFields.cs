using FitCheck.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>The entries of one YAML mapping by key, with the checks every manifest mapping shares.</summary>
internal sealed class MappingFields
{
    private readonly YamlReader _reader;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<YamlScalarNode> _order = [];

    public MappingFields(YamlReader reader, YamlMappingNode node, string field)
    {
        _reader = reader;
        Node = node;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalar)
            {
                throw new FitCheckException(DiagnosticCatalog.WrongNodeType($"{field} key", "a plain name",
                    YamlReader.Describe(key), "`key: value`", reader.At(key)));
            }

            // The prescan has rejected repeated keys; TryAdd only keeps a surprise from becoming a raw exception.
            _entries.TryAdd(scalar.Value ?? "", (scalar, value));
            _order.Add(scalar);
        }
    }

    public YamlMappingNode Node { get; }

    public SourceLocation Location => _reader.At(Node);

    /// <summary>Rejects keys not in <paramref name="allowed"/>, suggesting the closest one.</summary>
    public void CheckKeys(IReadOnlyList<string> allowed, string context)
    {
        foreach (var key in _order)
        {
            var name = key.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                _reader.Report(DiagnosticCatalog.UnknownKey(name, context, DiagnosticCatalog.Closest(name, allowed),
                    allowed, _reader.At(key)));
            }
        }
    }

    public YamlNode? Optional(string key) => _entries.TryGetValue(key, out var e) ? e.Value : null;

    /// <summary>The value of a required key; missing is reported at the mapping itself.</summary>
    public YamlNode Required(string key, string context) =>
        Optional(key) ?? throw new FitCheckException(DiagnosticCatalog.MissingKey(key, context, Location));

    /// <summary>A scalar value if the key is present with a plain, non-empty scalar; for naming things in messages.</summary>
    public string? Peek(string key) =>
        Optional(key) is YamlScalarNode s && !YamlReader.IsNull(s) && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;
}
