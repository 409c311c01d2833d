using System.Globalization;
using FitCheck.Diagnostics;

namespace FitCheck.Cli;

/// <summary>`--input NAME=N` values: dynamic ONNX dimensions or inputs pinned by name.</summary>
internal static class InputPins
{
    public static IReadOnlyDictionary<string, long> Parse(IEnumerable<string?> values)
    {
        var pins = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var text = value ?? "";
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !long.TryParse(text[(eq + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > int.MaxValue)
            {
                throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"--input '{text}' is not NAME=N with N a whole number from 1 to {int.MaxValue}",
                    "name a dynamic dimension or an input of the ONNX file, e.g. --input samples=16000 or --input sr=16000"));
            }

            pins[text[..eq].Trim()] = n;
        }

        return pins;
    }
}
