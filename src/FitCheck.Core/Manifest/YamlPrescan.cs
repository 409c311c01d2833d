using FitCheck.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FitCheck.Manifest;

/// <summary>
/// Walks the YAML event stream before any tree is built, and rejects what could hurt the process:
/// nesting deeper than <see cref="DiagnosticCatalog.MaxManifestDepth"/> (building and walking the tree
/// recurses, and a stack overflow cannot be caught), anchors and aliases (exponential expansion), a
/// second document, and repeated keys (reported here with their own id rather than as a YAML error).
/// The event parser itself keeps explicit stacks, so any depth is safe to scan.
/// </summary>
internal static class YamlPrescan
{
    private sealed class Frame(bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;
        public bool ExpectKey { get; set; } = true;
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }

    /// <returns>Whether the text holds a document at all (false for empty or comments-only text).</returns>
    public static bool Check(string text, Func<Mark, SourceLocation> at)
    {
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<Frame>();
        var documents = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            switch (e)
            {
                case DocumentStart:
                    documents++;
                    if (documents > 1)
                    {
                        throw new FitCheckException(DiagnosticCatalog.MultipleDocuments(at(e.Start)));
                    }

                    break;
                case AnchorAlias:
                    throw new FitCheckException(DiagnosticCatalog.AliasNotAllowed("aliases", at(e.Start)));
                case NodeEvent { Anchor.IsEmpty: false }:
                    throw new FitCheckException(DiagnosticCatalog.AliasNotAllowed("anchors", at(e.Start)));
            }

            switch (e)
            {
                case Scalar s:
                    Value(frames, s.Value, s.Start, at);
                    break;
                case MappingStart or SequenceStart:
                    Value(frames, null, e.Start, at);
                    if (frames.Count >= DiagnosticCatalog.MaxManifestDepth)
                    {
                        throw new FitCheckException(DiagnosticCatalog.NestingTooDeep(at(e.Start)));
                    }

                    frames.Push(new Frame(e is MappingStart));
                    break;
                case MappingEnd or SequenceEnd:
                    frames.Pop();
                    break;
            }
        }

        return documents > 0;
    }

    /// <summary>Records a node in its parent; a scalar in key position must not repeat.</summary>
    private static void Value(Stack<Frame> frames, string? scalar, Mark start, Func<Mark, SourceLocation> at)
    {
        if (frames.Count == 0 || !frames.Peek().IsMapping)
        {
            return;
        }

        var frame = frames.Peek();
        if (frame.ExpectKey && scalar is not null && !frame.Keys.Add(scalar))
        {
            throw new FitCheckException(DiagnosticCatalog.DuplicateKey(scalar, at(start)));
        }

        frame.ExpectKey = !frame.ExpectKey;
    }
}
