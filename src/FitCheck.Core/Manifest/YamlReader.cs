using System.Globalization;
using FitCheck.Diagnostics;
using FitCheck.Units;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>
/// Typed reads of YAML nodes for one manifest file: each read either returns a value or throws a
/// catalogue diagnostic located at the offending node.
/// </summary>
internal sealed class YamlReader(string path)
{
    public string Path { get; } = path;

    /// <summary>Suspicious but legal input found while reading; the document carries them to the caller.</summary>
    public List<Diagnostic> Warnings { get; } = [];

    /// <summary>When set, errors that need not stop the reading (an unknown key) are collected here instead of thrown.</summary>
    public ErrorCollector? Errors { get; init; }

    /// <summary>Collects <paramref name="error"/> when <see cref="Errors"/> is set, else throws it.</summary>
    public void Report(Diagnostic error)
    {
        if (Errors is null)
        {
            throw new FitCheckException(error);
        }

        Errors.Add(error);
    }

    public SourceLocation At(YamlNode node) => At(node.Start);

    public SourceLocation At(Mark mark) => new(Path, Clamp(mark.Line), Clamp(mark.Column));

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "empty",
        _ => "a single value",
    };

    /// <summary>An unquoted empty, `~` or `null` scalar: YAML's null, which no manifest value may be.</summary>
    public static bool IsNull(YamlScalarNode s) =>
        s.Style is ScalarStyle.Plain or ScalarStyle.Any
        && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public MappingFields Mapping(YamlNode node, string field, string example)
    {
        if (node is YamlMappingNode m)
        {
            return new MappingFields(this, m, field);
        }

        throw WrongType(node, field, "a mapping of keys", example);
    }

    public IReadOnlyList<YamlNode> Sequence(YamlNode node, string field, string example, bool allowEmpty = false)
    {
        if (node is not YamlSequenceNode s)
        {
            throw WrongType(node, field, "a list", example);
        }

        if (s.Children.Count == 0 && !allowEmpty)
        {
            throw new FitCheckException(DiagnosticCatalog.EmptyList(field, At(node)));
        }

        return s.Children.ToList();
    }

    public string Scalar(YamlNode node, string field, string example)
    {
        if (node is not YamlScalarNode s)
        {
            throw WrongType(node, field, "a single value", example);
        }

        if (IsNull(s))
        {
            throw new FitCheckException(DiagnosticCatalog.EmptyValue(field, example, At(node)));
        }

        var text = (s.Value ?? "").Trim();
        if (text.Length == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.EmptyValue(field, example, At(node)));
        }

        return text;
    }

    public long Integer(YamlNode node, string field, long min, long max)
    {
        var text = Scalar(node, field, string.Create(CultureInfo.InvariantCulture, $"an integer such as `{min}`"));
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidInteger(field, text, min, max, At(node)));
        }

        return value;
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), returned as its index.</summary>
    public int Choice(YamlNode node, string field, IReadOnlyList<string> allowed)
    {
        var text = Scalar(node, field, $"one of {string.Join(", ", allowed)}");
        for (var i = 0; i < allowed.Count; i++)
        {
            if (string.Equals(allowed[i], text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new FitCheckException(DiagnosticCatalog.UnknownValue(field, text, DiagnosticCatalog.Closest(text, allowed), allowed, At(node)));
    }

    public long Bytes(YamlNode node, string field, bool allowZero = false) =>
        UnitParser.ParseBytes(Scalar(node, field, "a size such as `8 MiB` or `2 MB`"), At(node), field, allowZero);

    public double Quantity(YamlNode node, string field, UnitKind kind, bool allowZero = false) =>
        UnitParser.Parse(Scalar(node, field, UnitTable.Expected(kind)), kind, At(node), field, allowZero);

    public FitCheckException WrongType(YamlNode node, string field, string expected, string example) =>
        new(DiagnosticCatalog.WrongNodeType(field, expected, Describe(node), example, At(node)));

    private static int Clamp(long v) => (int)Math.Clamp(v, 1, int.MaxValue);
}
