using System.Diagnostics.CodeAnalysis;
using FitCheck.Diagnostics;

namespace FitCheck.Models.Zoo;

/// <summary>The built-in models, looked up by name (case-insensitive).</summary>
public static class ModelZoo
{
    /// <summary>Every built-in model, in the order `dotnet fitcheck zoo` lists them.</summary>
    public static IReadOnlyList<ZooModel> All { get; } =
    [
        new ResNet50(),
        new YoloV3(),
        new YoloV3Tiny(),
        new MobileNetV1(),
        new MobileNetV2(),
        new EfficientNetB0(),
        new UNet(),
        new VitB16(),
    ];

    public static bool TryGet(string name, [NotNullWhen(true)] out ZooModel? model)
    {
        foreach (var m in All)
        {
            if (string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                model = m;
                return true;
            }
        }

        model = null;
        return false;
    }

    public static ZooModel Get(string name, SourceLocation? at)
    {
        if (TryGet(name, out var model))
        {
            return model;
        }

        var names = All.Select(m => m.Name).ToArray();
        throw new FitCheckException(DiagnosticCatalog.UnknownZooModel(name, Suggest.Closest(name, names), names, at));
    }
}
