using System.Buffers;
using System.Globalization;
using System.Text;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>
/// Reads a version-1 manifest into a <see cref="ManifestDocument"/>. Uses YamlDotNet's representation model
/// (no reflection, so Native AOT works) after a prescan of the event stream that rejects hostile input
/// (deep nesting, aliases, several documents). Every problem becomes a <see cref="FitCheckException"/>
/// carrying an FC01xx diagnostic at the offending node; no other exception leaves this class.
/// </summary>
public static class ManifestParser
{
    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">How diagnostics and the document name the file (as the user wrote it); default <paramref name="path"/>.</param>
    public static ManifestDocument ParseFile(string path, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        var at = new SourceLocation(shown, 1, 1);

        // A manifest may come through a pipe (process substitution), so it is not required to be a regular
        // file; but no read goes past the 1 MiB limit, so /dev/zero ends at once with that limit named.
        var bytes = InputFile.ReadCapped(path, shown, DiagnosticCatalog.MaxManifestBytes,
            size => DiagnosticCatalog.ManifestTooLarge(size, at), at);
        return Parse(shown, DecodeUtf8(shown, bytes));
    }

    /// <summary>
    /// Strict UTF-8, as the CLI reads manifests: File.ReadAllText would replace an invalid byte with U+FFFD
    /// and carry on, so the MSBuild task would accept a Latin-1 file the CLI rejects.
    /// </summary>
    private static string DecodeUtf8(string path, byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Clamp(e.Index, 0, bytes.Length - 1);
            var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(offset - 1, 0)) + 1;
            if (offset == 0)
            {
                lineStart = 0;
            }

            var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
            var column = 1 + Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart);
            throw new FitCheckException(DiagnosticCatalog.FileUnreadable(path,
                string.Create(CultureInfo.InvariantCulture, $"it is not UTF-8 text (invalid byte 0x{bytes[offset]:X2} at offset {offset})")) with
            {
                Location = new SourceLocation(path, line, column),
            });
        }
    }

    public static ManifestDocument Parse(string path, string text)
    {
        var r = new YamlReader(path) { Errors = new ErrorCollector() };
        var start = new SourceLocation(path, 1, 1);
        if (text.Length > DiagnosticCatalog.MaxManifestBytes)
        {
            throw new FitCheckException(DiagnosticCatalog.ManifestTooLarge(text.Length, start));
        }

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        if (FirstControlCharacter(text) is var bad and >= 0)
        {
            // YamlDotNet reads NUL as the end of the stream, which would silently drop the rest of the file; it
            // accepts other control characters, which YAML forbids and which would reach the terminal in names
            // (ESC starts an escape sequence in a CI log).
            var line = 1 + text.AsSpan(0, bad).Count('\n');
            var column = bad - (text.LastIndexOf('\n', bad) + 1) + 1;
            var reason = text[bad] == '\0'
                ? "the text contains a NUL character; is this a binary file?"
                : string.Create(CultureInfo.InvariantCulture,
                    $"the text contains the control character U+{(int)text[bad]:X4}; YAML allows tabs and line breaks but no other control characters");
            throw new FitCheckException(DiagnosticCatalog.MalformedYaml(reason, new SourceLocation(path, line, column)));
        }

        var root = Load(r, text) ?? throw new FitCheckException(DiagnosticCatalog.EmptyManifest(start));
        if (root is YamlScalarNode s && YamlReader.IsNull(s))
        {
            throw new FitCheckException(DiagnosticCatalog.EmptyManifest(r.At(root)));
        }

        if (root is not YamlMappingNode)
        {
            throw new FitCheckException(DiagnosticCatalog.RootNotMapping(YamlReader.Describe(root), r.At(root)));
        }

        var f = r.Mapping(root, "manifest", "`version: 1`");
        const string context = "the manifest";

        // Version first: a newer manifest may use keys this version does not know, and saying so is more useful.
        var versionNode = f.Required("version", context);
        var version = r.Scalar(versionNode, "version", "`version: 1`");
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !ManifestKeys.SupportedVersions.Contains(number))
        {
            throw new FitCheckException(DiagnosticCatalog.UnsupportedVersion(version, r.At(versionNode)));
        }

        // From here on each entry is read on its own: an error is collected and the reading goes on, so one
        // run lists every mistake (up to ErrorCollector.Limit), in source order.
        var errors = r.Errors!;
        f.CheckKeys(ManifestKeys.Root, context);

        var accelerators = new List<Accelerator>();
        var byName = new Dictionary<string, (Accelerator Accelerator, SourceLocation NameAt)>(StringComparer.Ordinal);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        var acceleratorNodes = errors.Run(() => r.Sequence(f.Required("accelerators", context), "accelerators", "a list of `- name: ...` entries")) ?? [];
        for (var i = 0; i < acceleratorNodes.Count; i++)
        {
            var node = acceleratorNodes[i];
            var read = errors.Run(() => AcceleratorReader.Read(r, node, i));
            if (read.Accelerator is not { } a)
            {
                // Models that deploy to it must not report a second, derived "unknown accelerator".
                if (node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode named)
                {
                    broken.Add(named.Value?.Trim() ?? "");
                }

                continue;
            }

            if (!byName.TryAdd(a.Name, (a, read.NameAt)))
            {
                errors.Add(DiagnosticCatalog.DuplicateName("accelerator", a.Name, byName[a.Name].NameAt, read.NameAt));
                continue;
            }

            accelerators.Add(a);
        }

        var declared = byName.ToDictionary(e => e.Key, e => e.Value.Accelerator, StringComparer.Ordinal);
        var models = new List<ModelSpec>();
        var modelNames = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var modelNodes = errors.Run(() => r.Sequence(f.Required("models", context), "models", "a list of `- source: zoo:...` entries")) ?? [];
        for (var i = 0; i < modelNodes.Count; i++)
        {
            var node = modelNodes[i];
            var read = errors.Run(() => ModelReader.Read(r, node, i, declared, broken));
            if (read.Model is not { } m)
            {
                continue;
            }

            if (!modelNames.TryAdd(m.Name, read.NameAt))
            {
                errors.Add(DiagnosticCatalog.DuplicateName("model", m.Name, modelNames[m.Name], read.NameAt));
                continue;
            }

            models.Add(m);
        }

        // Groups name models: with a model entry broken, "unknown model" would be a derived error, so groups are
        // read (and their own errors listed) only once every entry has read cleanly.
        var groups = errors.Count == 0 && f.Optional("together") is { } together
            ? errors.Run(() => GroupReader.Read(r, together, models)) ?? []
            : [];
        errors.ThrowIfAny();
        return new ManifestDocument(path, number, accelerators, models) { Warnings = r.Warnings, Groups = groups };
    }

    /// <summary>
    /// Index of the first character YAML 1.2 does not allow in a stream (c-printable): C0 controls other than
    /// tab, LF and CR, DEL, and C1 controls other than NEL; -1 when there is none.
    /// </summary>
    private static int FirstControlCharacter(string text) => text.AsSpan().IndexOfAny(ControlCharacters);

    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>The root node of the single document, or null when the text holds none.</summary>
    private static YamlNode? Load(YamlReader r, string text)
    {
        try
        {
            if (!YamlPrescan.Check(text, r.At))
            {
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new Parser(new StringReader(text)));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var at = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? FindIndentTab(r, text, e.Start.Line) : null;
            throw new FitCheckException(at is null
                ? DiagnosticCatalog.MalformedYaml(Reason(e), r.At(e.Start))
                : DiagnosticCatalog.MalformedYaml("a tab is used for indentation; YAML indents with spaces only", at));
        }
        catch (Exception e) when (e is not FitCheckException and not OutOfMemoryException)
        {
            // YamlDotNet is not documented to throw anything but YamlException; if hostile input finds
            // another path, it is still bad input (exit 2), not a crash.
            throw new FitCheckException(DiagnosticCatalog.MalformedYaml(e.Message, new SourceLocation(r.Path, 1, 1)));
        }
    }

    /// <summary>
    /// YamlDotNet reports a tab in indentation at the scalar or mapping before it; point at the tab itself,
    /// the first one in leading whitespace at or after the reported line.
    /// </summary>
    private static SourceLocation? FindIndentTab(YamlReader r, string text, long fromLine)
    {
        var line = 1;
        var column = 1;
        var leading = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                leading = true;
                continue;
            }

            if (leading && c == '\t' && line >= fromLine)
            {
                return new SourceLocation(r.Path, line, column);
            }

            leading = leading && (c is ' ' or '\t' or '\r');
            column++;
        }

        return null;
    }

    /// <summary>YamlException messages repeat the position ("(Line: 3, Col: 5, Idx: 20) - (...): "); the location already says it.</summary>
    private static string Reason(YamlException e)
    {
        var m = e.Message;
        var cut = m.StartsWith("(Line:", StringComparison.Ordinal) ? m.IndexOf("): ", StringComparison.Ordinal) : -1;
        return cut < 0 ? m : m[(cut + 3)..];
    }
}
