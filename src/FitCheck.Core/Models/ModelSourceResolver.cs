using FitCheck.Diagnostics;
using FitCheck.Models.Darknet;
using FitCheck.Models.Onnx;
using FitCheck.Models.Tflite;
using FitCheck.Models.Zoo;

namespace FitCheck.Models;

/// <summary>Turns a manifest `source:` or a command-line model argument into a loaded model.</summary>
public static class ModelSourceResolver
{
    public const string ZooPrefix = "zoo:";

    /// <param name="source">`zoo:name`, a bare zoo name, or a path to a .cfg, .onnx or .tflite file.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against (the manifest's).</param>
    /// <param name="at">Where the source was written, for error messages.</param>
    /// <param name="inputs">Dynamic ONNX dimensions pinned by name (`--input samples=16000`); only ONNX files take them.</param>
    public static IModelSource Resolve(string source, string baseDirectory, SourceLocation? at, IReadOnlyDictionary<string, long>? inputs)
    {
        var model = Resolve(source, baseDirectory, at);
        if (inputs is not { Count: > 0 })
        {
            return model;
        }

        return model is OnnxModel onnx
            ? onnx.Pin(inputs, at)
            : throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"input sizes ({string.Join(", ", inputs.Keys)}) apply to ONNX models, not to '{source}'",
                "remove `inputs:` / `--input`; zoo and Darknet models take their size from the resolution") with
            { Location = at });
    }

    public static IModelSource Resolve(string source, string baseDirectory, SourceLocation? at)
    {
        var text = source.Trim();
        if (text.StartsWith(ZooPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ModelZoo.Get(text[ZooPrefix.Length..], at);
        }

        var ext = Path.GetExtension(text).ToLowerInvariant();
        if (ext is ".cfg" or ".onnx" or ".tflite")
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, text));
            if (!File.Exists(path))
            {
                throw new FitCheckException(DiagnosticCatalog.FileNotFound(text) with { Location = at });
            }

            try
            {
                return ext switch
                {
                    ".cfg" => DarknetModel.Load(path),
                    ".tflite" => TfliteModel.Load(path),
                    _ => OnnxModel.Load(path),
                };
            }
            catch (FitCheckException e) when (e.Diagnostic.Location is null && at is not null)
            {
                // A binary .onnx or .tflite (or an unreadable file) has no line to point at; the manifest line naming it does.
                throw new FitCheckException(e.Diagnostic with { Location = at });
            }
        }

        if (ModelZoo.TryGet(text, out var zoo))
        {
            return zoo;
        }

        throw new FitCheckException(DiagnosticCatalog.UnknownModelSource(text, at));
    }
}
