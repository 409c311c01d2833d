using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models;
using YamlDotNet.RepresentationModel;

namespace FitCheck.Manifest;

/// <summary>Reads one `models:` entry and resolves its `deploy:` names against the declared accelerators.</summary>
internal static class ModelReader
{
    public const int MaxBatch = 4096;

    /// <returns>The model, and where its name is written (its source when the name is implied).</returns>
    public static (ModelSpec Model, SourceLocation NameAt) Read(YamlReader r, YamlNode node, int index, IReadOnlyDictionary<string, Accelerator> accelerators,
        IReadOnlySet<string>? broken = null)
    {
        var f = r.Mapping(node, "models entry", "`- source: zoo:resnet50` with `deploy:` below it");
        var label = f.Peek("name") is { } n ? $"model '{DiagnosticCatalog.Clip(n)}'"
            : f.Peek("source") is { } s ? $"model '{DiagnosticCatalog.Clip(DefaultName(s))}'"
            : $"model #{index + 1}";
        f.CheckKeys(ManifestKeys.Model, label);

        var sourceNode = f.Required("source", label);
        var source = r.Scalar(sourceNode, "source", "`zoo:<name>` or a path to a .cfg or .onnx file");
        var nameNode = f.Optional("name");
        var name = nameNode is null ? DefaultName(source) : r.Scalar(nameNode, "name", "a name such as `yolov3`");
        if (name.Length == 0)
        {
            throw new FitCheckException(DiagnosticCatalog.EmptyValue("source", "`zoo:<name>` or a path to a .cfg or .onnx file", r.At(sourceNode)));
        }

        var resolutions = new List<Located<Resolution>>();
        if (f.Optional("resolutions") is { } res)
        {
            foreach (var item in r.Sequence(res, "resolutions", "a list such as `[608x608, 1920x1088]`"))
            {
                var text = r.Scalar(item, "resolutions", "WIDTHxHEIGHT, e.g. `608x608`");
                resolutions.Add(new Located<Resolution>(Resolution.Parse(text, r.At(item)), r.At(item)));
            }
        }

        var inputs = new Dictionary<string, long>(StringComparer.Ordinal);
        if (f.Optional("inputs") is { } pins)
        {
            var m = r.Mapping(pins, "inputs", "`inputs: { samples: 16000 }` (a dynamic dimension or input name: its size)");
            foreach (var (key, value) in m.Node.Children)
            {
                var pinName = r.Scalar(key, "inputs", "a dimension or input name such as `samples`");
                inputs[pinName] = r.Integer(value, "inputs", 1, int.MaxValue);
            }
        }

        var precision = f.Optional("precision") is { } p
            ? (Precision)r.Choice(p, "precision", PrecisionInfo.Names)
            : Precision.Int8;
        var batch = f.Optional("batch") is { } b ? (int)r.Integer(b, "batch", 1, MaxBatch) : 1;

        var deploy = new List<Located<string>>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var deployed = new List<Accelerator>();
        foreach (var item in r.Sequence(f.Required("deploy", label), "deploy", "a list of accelerator names such as `[npu]`"))
        {
            var target = r.Scalar(item, "deploy", "the name of a declared accelerator");
            if (broken?.Contains(target) == true)
            {
                // Its own error has been reported; this entry is read for its other mistakes only.
                continue;
            }

            if (!accelerators.TryGetValue(target, out var accelerator))
            {
                var names = accelerators.Values.Select(a => a.Name).ToList();
                throw new FitCheckException(DiagnosticCatalog.UnknownAccelerator(name, target, DiagnosticCatalog.Closest(target, names), names, r.At(item)));
            }

            if (!seen.TryAdd(target, r.At(item)))
            {
                throw new FitCheckException(DiagnosticCatalog.DuplicateName(
                    $"deploy target of model '{DiagnosticCatalog.Clip(name)}'", target, seen[target], r.At(item)));
            }

            deploy.Add(new Located<string>(target, r.At(item)));
            deployed.Add(accelerator);
        }

        var gates = f.Optional("gates") is { } g ? GateReader.Read(r, g, name, deployed) : GateSpec.None;
        return (new ModelSpec(name, source, r.At(sourceNode), resolutions, precision, batch, deploy, gates, f.Location) { PrecisionStated = f.Optional("precision") is not null, Inputs = inputs },
            r.At(nameNode ?? sourceNode));
    }

    private static string DefaultName(string source) =>
        source.StartsWith(ModelSourceResolver.ZooPrefix, StringComparison.OrdinalIgnoreCase)
            ? source[ModelSourceResolver.ZooPrefix.Length..].Trim()
            : source;
}
