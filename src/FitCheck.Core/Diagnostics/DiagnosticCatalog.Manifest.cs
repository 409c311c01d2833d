namespace FitCheck.Diagnostics;

/// <summary>FC01xx: the manifest file, its YAML, its schema, and the unit strings in it.</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>
    /// A real manifest is a few kilobytes (200 models on 20 accelerators is 60 kB). Dense YAML parses at
    /// about 1 MB/s cold, so 1 MiB bounds every accepted manifest to about a second.
    /// </summary>
    public const int MaxManifestBytes = 1024 * 1024;
    public const int MaxManifestDepth = 64;

    public static Diagnostic MalformedYaml(string reason, SourceLocation? at) =>
        new("FC0101", $"the manifest is not valid YAML: {reason}", at,
            "fix the YAML syntax at this position; indent with spaces (tabs are not allowed), and quote values that contain ': ' or start with a special character");

    public static Diagnostic EmptyManifest(SourceLocation? at) =>
        new("FC0102", "the manifest is empty", at,
            "start with `version: 1`, then list `accelerators:` and `models:` (see examples/ for a complete manifest)");

    public static Diagnostic ManifestTooLarge(long length, SourceLocation? at) => ManifestTooLarge($"{length} bytes", at);

    /// <param name="size">In words: "2000000 bytes", or "more than 1048576 bytes" for a pipe that was cut off.</param>
    public static Diagnostic ManifestTooLarge(string size, SourceLocation? at) =>
        new("FC0103", $"the manifest is {size}; FitCheck reads at most {MaxManifestBytes} bytes (1 MiB)", at,
            "a manifest lists accelerators and models in a few kilobytes; check that this is the right file");

    public static Diagnostic AliasNotAllowed(string what, SourceLocation? at) =>
        new("FC0104", $"YAML {what} are not allowed in a manifest", at,
            "write the value out in full; anchors and aliases can expand exponentially and are rejected");

    public static Diagnostic NestingTooDeep(SourceLocation? at) =>
        new("FC0105", $"the manifest nests more than {MaxManifestDepth} levels deep", at,
            "a manifest needs at most five levels (models > gates > key); check for runaway brackets or indentation");

    public static Diagnostic MultipleDocuments(SourceLocation? at) =>
        new("FC0106", "the manifest holds more than one YAML document", at,
            "remove the second `---` and everything after it, or merge the documents into one");

    public static Diagnostic RootNotMapping(string found, SourceLocation? at) =>
        new("FC0107", $"the manifest must be a mapping of keys, but it is {found}", at,
            "start with `version: 1`, then `accelerators:` and `models:` at the left margin");

    public static Diagnostic UnknownKey(string key, string context, string? suggestion, IEnumerable<string> allowed, SourceLocation? at) =>
        new("FC0108", $"unknown key '{Clip(key)}' in {context}" + DidYouMean(suggestion), at,
            $"allowed keys in {context}: {List(allowed)}");

    public static Diagnostic MissingKey(string key, string context, SourceLocation? at) =>
        new("FC0109", $"{context} is missing the required key '{Clip(key)}'", at,
            $"add `{Clip(key)}:` to {context}");

    public static Diagnostic WrongNodeType(string field, string expected, string found, string example, SourceLocation? at) =>
        new("FC0110", $"'{field}' must be {expected}, but it is {found}", at, $"write it as {example}");

    public static Diagnostic DuplicateKey(string key, SourceLocation? at) =>
        new("FC0111", $"key '{Clip(key)}' appears twice in the same mapping", at,
            "keep one of them; YAML does not allow repeated keys");

    public static Diagnostic UnsupportedVersion(string version, SourceLocation? at) =>
        new("FC0112", $"manifest version '{Clip(version)}' is not supported", at,
            "this FitCheck reads `version: 1`; upgrade FitCheck for newer manifests");

    public static Diagnostic MissingUnit(string field, string text, string expected, string units, SourceLocation? at) =>
        new("FC0113", $"'{field}' is '{Clip(text)}', a number without a unit; expected {expected}", at,
            $"units are always explicit; write one of {units} after the number");

    public static Diagnostic WrongUnitKind(string field, string text, string actual, string expected, string units, SourceLocation? at) =>
        new("FC0114", $"'{field}' is '{Clip(text)}', which is {actual}; expected {expected}", at,
            $"use one of {units}");

    public static Diagnostic UnknownUnit(string field, string text, string unit, string? suggestion, string expected, string units, SourceLocation? at) =>
        new("FC0115", $"'{field}' has an unknown unit '{Clip(unit)}' in '{Clip(text)}'" + DidYouMean(suggestion), at,
            $"expected {expected}; units (case matters): {units}");

    public static Diagnostic NotAQuantity(string field, string text, string expected, string units, SourceLocation? at) =>
        new("FC0116", $"'{field}' is '{Clip(text)}', which is not a number with a unit; expected {expected}", at,
            $"write a finite number with a dot as decimal separator and no thousands separators, then one of {units}");

    public static Diagnostic ValueOutOfRange(string field, string text, string reason, SourceLocation? at, string hint) =>
        new("FC0117", $"'{field}' is '{Clip(text)}', which {reason}", at, hint);

    public static Diagnostic UnknownValue(string field, string value, string? suggestion, IEnumerable<string> allowed, SourceLocation? at) =>
        new("FC0118", $"'{field}' cannot be '{Clip(value)}'" + DidYouMean(suggestion), at,
            $"allowed values: {List(allowed)}");

    public static Diagnostic DuplicateName(string what, string name, SourceLocation? firstAt, SourceLocation? at) =>
        new("FC0119", $"{what} '{Clip(name)}' is declared twice" + (firstAt is null ? "" : $" (first at line {firstAt.Line})"), at,
            $"give each {what} a unique name");

    public static Diagnostic UnknownAccelerator(string model, string name, string? suggestion, IEnumerable<string> declared, SourceLocation? at) =>
        new("FC0120", $"model '{Clip(model)}' deploys to '{Clip(name)}', which is not a declared accelerator" + DidYouMean(suggestion), at,
            $"declared accelerators: {List(declared)}; add '{Clip(name)}' under `accelerators:` or fix the name");

    public static Diagnostic InvalidInteger(string field, string text, long min, long max, SourceLocation? at) =>
        new("FC0121", $"'{field}' is '{Clip(text)}', but it must be a whole number from {min} to {max}", at,
            $"write an integer such as `{min}`, without a decimal point or a unit");

    public static Diagnostic EmptyList(string field, SourceLocation? at) =>
        new("FC0122", $"'{field}' is an empty list", at,
            $"list at least one entry under `{field}:`, or remove the key when it is optional");

    public static Diagnostic GateTierMissing(string gate, string tier, string accelerator, string? suggestion, IEnumerable<string> tiers, SourceLocation? at) =>
        new("FC0123", $"gate '{gate}' names memory tier '{Clip(tier)}', which accelerator '{Clip(accelerator)}' does not have" + DidYouMean(suggestion), at,
            $"tiers of '{Clip(accelerator)}': {List(tiers)}; or use `on-chip` or `anywhere`");

    public static Diagnostic EmptyValue(string field, string expected, SourceLocation? at) =>
        new("FC0124", $"'{field}' has no value", at, $"give {expected}, or remove the key when it is optional");

    public static Diagnostic CapacityOverflow(string tier, SourceLocation? at) =>
        new("FC0125", $"memory tier '{Clip(tier)}': size x tiles exceeds 64-bit arithmetic", at,
            "check the size and tile count; a tier this large is almost certainly a typo");

    private static string DidYouMean(string? suggestion) => suggestion is null ? "" : $"; did you mean '{Clip(suggestion)}'?";

    /// <summary>
    /// <see cref="Suggest.Closest"/> for names from input: edit distance is quadratic, so a megabyte-long
    /// name gets no suggestion, and candidates too different in length to be close are skipped.
    /// </summary>
    internal static string? Closest(string input, IEnumerable<string> candidates)
    {
        if (input.Length > 64)
        {
            return null;
        }

        var slack = Math.Max(2, input.Length / 3);
        return Suggest.Closest(input, candidates.Where(c => Math.Abs(c.Length - input.Length) <= slack));
    }

    private static string List(IEnumerable<string> items)
    {
        const int shown = 20;
        var all = items.ToList();
        var head = string.Join(", ", all.Take(shown).Select(Clip));
        return all.Count <= shown ? head : $"{head} and {all.Count - shown} more";
    }
}
