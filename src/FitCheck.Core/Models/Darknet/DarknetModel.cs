using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Darknet;

/// <summary>A network read from a Darknet .cfg file.</summary>
public sealed class DarknetModel : IModelSource
{
    private DarknetModel(string name) => Name = name;

    public string Name { get; }

    public Resolution DefaultResolution => new(416, 416);

    public static DarknetModel Load(string path) =>
        throw new FitCheckException(new Diagnostic("FC0400", $"Darknet import is not available yet ('{path}')", null, "use a zoo: model"));

    public Network Build(Resolution resolution, int batch) => throw new NotSupportedException();
}
