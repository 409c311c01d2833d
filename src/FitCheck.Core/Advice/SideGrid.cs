using System.Globalization;
using FitCheck.Models;
using FitCheck.Models.Darknet;
using FitCheck.Models.Zoo;

namespace FitCheck.Advice;

/// <summary>
/// The image sides a model accepts (its stride grid): a zoo network's own rule, a Darknet .cfg's
/// deepest stride, or, for sources that state no rule (ONNX), multiples of 32 — an assumption the
/// answer states, overridden with `--step`.
/// </summary>
public sealed class SideGrid
{
    public const int DefaultStep = 32;

    private readonly Func<int, bool> _accepts;

    private SideGrid(Func<int, bool> accepts, string basis, bool assumed)
    {
        _accepts = accepts;
        Basis = basis;
        Assumed = assumed;
    }

    /// <summary>How the grid was chosen, e.g. "multiples of 32 (yolov3's rule)".</summary>
    public string Basis { get; }

    /// <summary>True when the grid is a guess rather than the model's own rule.</summary>
    public bool Assumed { get; }

    public bool Accepts(int side) => side > 0 && _accepts(side);

    public static SideGrid For(IModelSource source, int? step = null)
    {
        if (step is { } s)
        {
            return Multiples(s, "as --step asked", assumed: false);
        }

        return source switch
        {
            ZooModel zoo => new SideGrid(zoo.Sides.Accepts, $"{zoo.Sides.Requirement}, {zoo.Name}'s rule", false),
            DarknetModel cfg => Multiples(Math.Max(1, cfg.RequiredMultiple), "the .cfg's deepest stride", assumed: false),
            _ => Multiples(DefaultStep, "assumed; the model states no rule, pass --step to change", assumed: true),
        };
    }

    /// <summary>Accepted sides from <paramref name="min"/> to <paramref name="max"/>, ascending.</summary>
    public int[] Sides(int min, int max)
    {
        var list = new List<int>();
        for (var side = Math.Max(1, min); side <= max; side++)
        {
            if (Accepts(side))
            {
                list.Add(side);
            }
        }

        return [.. list];
    }

    private static SideGrid Multiples(int step, string why, bool assumed) =>
        new(side => side % step == 0, string.Create(CultureInfo.InvariantCulture, $"multiples of {step}, {why}"), assumed);
}
