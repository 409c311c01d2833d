using FitCheck.Diagnostics;
using FitCheck.IO;
using FitCheck.Limits;
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
    /// <param name="limits">Limits on what an imported model may hold (ONNX nodes, attribute elements).</param>
    /// <param name="inputs">Dynamic ONNX dimensions pinned by name (`--input samples=16000`); only ONNX files take them.</param>
    public static IModelSource Resolve(string source, string baseDirectory, SourceLocation? at, IReadOnlyDictionary<string, long>? inputs, WorkLimits? limits = null)
    {
        var model = Resolve(source, baseDirectory, at, limits);
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

    public static IModelSource Resolve(string source, string baseDirectory, SourceLocation? at, WorkLimits? limits = null)
    {
        var text = source.Trim();
        if (text.StartsWith(ZooPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ModelZoo.Get(text[ZooPrefix.Length..], at);
        }

        var ext = Path.GetExtension(text).ToLowerInvariant();
        if (ext is ".cfg" or ".onnx" or ".tflite")
        {
            // A FIFO, device, socket or directory is refused before it is opened: opening a FIFO blocks.
            var path = InputFile.Resolve(baseDirectory, text, at);
            if (FileKinds.Of(path) == FileKind.Missing)
            {
                // Say where it was looked for: a manifest's paths resolve from its folder, not from where fitcheck runs.
                var from = at is null ? null : $"the manifest's folder, '{baseDirectory}'";
                throw new FitCheckException(DiagnosticCatalog.FileNotFound(text, path, from) with { Location = at });
            }

            InputFile.RequireRegular(path, text, at);

            try
            {
                return ext switch
                {
                    ".cfg" => DarknetModel.Load(path),
                    ".tflite" => TfliteModel.Load(path),
                    _ => OnnxModel.Load(path, limits ?? WorkLimits.Default),
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
