using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Onnx;

/// <summary>A network read from an ONNX file.</summary>
public sealed class OnnxModel : IModelSource
{
    private OnnxModel(string name) => Name = name;

    public string Name { get; }

    public Resolution DefaultResolution => new(224, 224);

    public static OnnxModel Load(string path) =>
        throw new FitCheckException(new Diagnostic("FC0500", $"ONNX import is not available yet ('{path}')", null, "use a zoo: model"));

    public Network Build(Resolution resolution, int batch) => throw new NotSupportedException();
}
