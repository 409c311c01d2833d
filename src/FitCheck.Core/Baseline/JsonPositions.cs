using System.Globalization;
using System.Text.Json;

namespace FitCheck.Baseline;

/// <summary>
/// Where each value of a JSON text starts, by JSON path ("$.results[2].weightBytes"), so that a baseline
/// whose structure is wrong is reported at a line and column like any other input. JsonDocument keeps no
/// positions, hence one extra pass with the reader.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, long> _offsets = new(StringComparer.Ordinal);
    private readonly long[] _lineStarts;

    private JsonPositions(ReadOnlySpan<byte> json)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Maps a text that <see cref="JsonDocument"/> already accepted.</summary>
    public static JsonPositions Map(ReadOnlySpan<byte> json)
    {
        var map = new JsonPositions(json);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each open container: its path, and for arrays the index of the next element.
        var stack = new Stack<(string Path, bool IsArray, int Next)>();
        string? property = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }

            var path = "$";
            if (stack.Count > 0)
            {
                var (parent, isArray, next) = stack.Pop();
                path = isArray ? parent + "[" + next.ToString(CultureInfo.InvariantCulture) + "]" : parent + "." + property;
                stack.Push((parent, isArray, isArray ? next + 1 : next));
            }

            map._offsets.TryAdd(path, reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return map;
    }

    /// <summary>1-based line and column of the value at <paramref name="path"/>, or of its nearest mapped ancestor.</summary>
    public (int Line, int Column) Of(string path)
    {
        var p = path;
        while (!_offsets.ContainsKey(p) && p.Length > 1)
        {
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut <= 0 ? "$" : p[..cut];
        }

        return At(_offsets.GetValueOrDefault(p));
    }

    public (int Line, int Column) At(long offset)
    {
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, (int)(offset - _lineStarts[line]) + 1);
    }
}
