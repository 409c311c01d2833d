namespace FitCheck.Diagnostics;

/// <summary>FC04xx: problems in Darknet .cfg files.</summary>
public static partial class DiagnosticCatalog
{
    public static Diagnostic CfgTooLarge(string path, long limit) =>
        new("FC0401", $"'{path}' is larger than {limit} bytes, too large to be a Darknet .cfg", new SourceLocation(path, 1, 1),
            "a .cfg is a small text file describing layers; check that the path names the .cfg and not the .weights file");

    public static Diagnostic CfgNotText(SourceLocation at) =>
        new("FC0402", "the file contains NUL bytes, so it is not a text .cfg", at,
            "check that the path names the .cfg and not the .weights file or an archive");

    public static Diagnostic CfgEmpty(string path) =>
        new("FC0403", "the .cfg contains no sections", new SourceLocation(path, 1, 1),
            "a Darknet .cfg starts with a [net] section (width, height, channels) followed by layer sections");

    public static Diagnostic CfgMissingNet(string found, SourceLocation at) =>
        new("FC0404", $"the first section is [{Clip(found)}], but a Darknet .cfg must start with [net]", at,
            "add a [net] section with width=, height= and channels= before the first layer");

    public static Diagnostic CfgUnterminatedSection(string text, SourceLocation at) =>
        new("FC0405", $"section header '{Clip(text)}' has no closing ']'", at,
            "the file may be truncated; close the header, e.g. [convolutional]");

    public static Diagnostic CfgUnknownSection(string name, string? suggestion, IEnumerable<string> known, SourceLocation at) =>
        new("FC0406", $"unknown section [{Clip(name)}]" + (suggestion is null ? "" : $"; did you mean [{suggestion}]?"), at,
            $"sections FitCheck reads: {string.Join(", ", known.Select(k => $"[{k}]"))}");

    public static Diagnostic CfgUnknownKey(string section, string key, string? suggestion, SourceLocation at) =>
        new("FC0408", $"unknown key '{Clip(key)}' in [{section}]" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"), at,
            "Darknet ignores keys it does not know, so a misspelt key silently falls back to its default; fix or remove it");

    public static Diagnostic CfgNotANumber(string key, string value, SourceLocation at) =>
        new("FC0409", $"'{Clip(key)}' must be a whole number, not '{Clip(value)}'", at, $"write e.g. {key}=1");

    public static Diagnostic CfgValueOutOfRange(string key, string value, long min, long max, SourceLocation at) =>
        new("FC0410", $"'{key}={Clip(value)}' is out of range", at, $"'{Clip(key)}' must be between {min} and {max}");

    public static Diagnostic CfgBadLayerReference(string section, string key, long written, long resolved, int current, SourceLocation at) =>
        new("FC0411",
            $"[{section}] {key}={written} refers to layer {resolved}, " +
            (resolved >= current ? "which is not before it (layers may only refer backwards)" : "which is outside the network"),
            at, current == 0
                ? "this is layer 0, the first after [net]: it has no earlier layer to refer to"
                : $"this is layer {current} (layers count from 0 after [net]); use -1 for the previous layer or an index between 0 and {current - 1}");

    public static Diagnostic CfgMissingKey(string section, string key, SourceLocation at) =>
        new("FC0412", $"[{section}] needs '{key}='", at, $"add {key}=... to the section");

    public static Diagnostic CfgExpectedKeyValue(string text, SourceLocation at) =>
        new("FC0413", $"expected 'key=value' or a [section] header, found '{Clip(text)}'", at,
            "comments start with # or ;");

    public static Diagnostic CfgKeyOutsideSection(string key, SourceLocation at) =>
        new("FC0414", $"'{Clip(key)}' appears before any [section]", at, "start the file with [net]");

    public static Diagnostic CfgUnknownActivation(string value, string? suggestion, SourceLocation at) =>
        new("FC0415", $"unknown activation '{Clip(value)}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"), at,
            "Darknet activations include linear, leaky, relu, logistic, mish, swish and tanh");

    public static Diagnostic CfgUnsupportedValue(string section, string key, string value, string reason, SourceLocation at) =>
        new("FC0416", $"[{section}] {key}={Clip(value)} is not supported: {reason}", at,
            "remove the key if it does not change the network's shapes, or describe the network in ONNX");

    public static Diagnostic CfgTooManyLayers(int limit, SourceLocation at) =>
        new("FC0417", $"the .cfg has more than {limit} layer sections", at,
            "real Darknet networks have at most a few thousand layers; check that this is the right file");

    public static Diagnostic CfgMisplacedNet(SourceLocation at) =>
        new("FC0418", "[net] may appear only once, as the first section", at, "remove the extra [net] section");

    public static Diagnostic CfgListTooLong(string key, int count, int max, SourceLocation at) =>
        new("FC0419", $"'{Clip(key)}' lists {count} values", at, $"'{Clip(key)}' may list at most {max} values");

    /// <summary>A shape or size error from the graph builder, moved to the section that caused it.</summary>
    public static Diagnostic CfgLayerError(Diagnostic inner, string section, int index, SourceLocation at) =>
        inner with
        {
            Message = $"{inner.Message} (Darknet layer {index}, [{section}])",
            Location = at,
        };

    /// <summary>Echoes input text in a message, but never a megabyte of it.</summary>
}
