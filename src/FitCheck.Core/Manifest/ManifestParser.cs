using System.Globalization;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
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
    public static ManifestDocument ParseFile(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                throw new FitCheckException(DiagnosticCatalog.FileUnreadable(path, "it is a directory"));
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FitCheckException(DiagnosticCatalog.FileNotFound(path));
            }

            if (info.Length > DiagnosticCatalog.MaxManifestBytes)
            {
                throw new FitCheckException(DiagnosticCatalog.ManifestTooLarge(info.Length, new SourceLocation(path, 1, 1)));
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FitCheckException(e is FileNotFoundException or DirectoryNotFoundException
                ? DiagnosticCatalog.FileNotFound(path)
                : DiagnosticCatalog.FileUnreadable(path, e.Message));
        }

        return Parse(path, text);
    }

    public static ManifestDocument Parse(string path, string text)
    {
        var r = new YamlReader(path);
        var start = new SourceLocation(path, 1, 1);
        if (text.Length > DiagnosticCatalog.MaxManifestBytes)
        {
            throw new FitCheckException(DiagnosticCatalog.ManifestTooLarge(text.Length, start));
        }

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            // YamlDotNet reads NUL as the end of the stream, which would silently drop the rest of the file.
            var line = 1 + text.AsSpan(0, nul).Count('\n');
            var column = nul - (text.LastIndexOf('\n', nul) + 1) + 1;
            throw new FitCheckException(DiagnosticCatalog.MalformedYaml("the text contains a NUL character; is this a binary file?",
                new SourceLocation(path, line, column)));
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

        f.CheckKeys(ManifestKeys.Root, context);

        var accelerators = new List<Accelerator>();
        var byName = new Dictionary<string, (Accelerator Accelerator, SourceLocation NameAt)>(StringComparer.Ordinal);
        var acceleratorNodes = r.Sequence(f.Required("accelerators", context), "accelerators", "a list of `- name: ...` entries");
        for (var i = 0; i < acceleratorNodes.Count; i++)
        {
            var (a, nameAt) = AcceleratorReader.Read(r, acceleratorNodes[i], i);
            if (!byName.TryAdd(a.Name, (a, nameAt)))
            {
                throw new FitCheckException(DiagnosticCatalog.DuplicateName("accelerator", a.Name, byName[a.Name].NameAt, nameAt));
            }

            accelerators.Add(a);
        }

        var declared = byName.ToDictionary(e => e.Key, e => e.Value.Accelerator, StringComparer.Ordinal);
        var models = new List<ModelSpec>();
        var modelNames = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var modelNodes = r.Sequence(f.Required("models", context), "models", "a list of `- source: zoo:...` entries");
        for (var i = 0; i < modelNodes.Count; i++)
        {
            var (m, nameAt) = ModelReader.Read(r, modelNodes[i], i, declared);
            if (!modelNames.TryAdd(m.Name, nameAt))
            {
                throw new FitCheckException(DiagnosticCatalog.DuplicateName("model", m.Name, modelNames[m.Name], nameAt));
            }

            models.Add(m);
        }

        return new ManifestDocument(path, number, accelerators, models);
    }

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
