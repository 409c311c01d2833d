using System.Globalization;
using FitCheck.Units;

namespace FitCheck.Baseline;

/// <summary>
/// One figure of one deployment, then and now. For sizes growth is bad; for fps (<see cref="HigherIsBetter"/>)
/// a drop is. <see cref="Fraction"/> is the relative change (0.21 = +21 %), infinite when growing from zero.
/// </summary>
public sealed record FigureDelta(string Figure, double Old, double New, bool IsBytes, bool HigherIsBetter)
{
    public double Change => New - Old;

    public double Fraction => Old == 0 ? (New == 0 ? 0 : double.PositiveInfinity) : (New - Old) / Old;

    /// <summary>
    /// Relative change below which a rate counts as unchanged: the JSON report keeps 9 significant digits,
    /// so a baseline's fps differs from the same run's in-memory figure by up to about 1e-9.
    /// </summary>
    public const double RateTolerance = 1e-6;

    public bool Unchanged => IsBytes ? Change == 0 : Math.Abs(Fraction) < RateTolerance;

    /// <summary>The deployment ran then and does not now (no placement fits, so no frame rate): the worst drop.</summary>
    public bool Gone { get; init; }

    /// <summary>How much worse the figure got as a fraction (positive = worse); 0 when it improved or did not change.</summary>
    public double Regression => Gone ? 1 : Unchanged ? 0 : Math.Max(0, HigherIsBetter ? -Fraction : Fraction);

    /// <summary>"activations 1.8 MB → 2.4 MB, +33 %", "fps 50.0 → 45.0, −10 %", "code ±0".</summary>
    public override string ToString() => $"{Figure} {Text}";

    /// <summary>The change without the figure's name, was → now: "1.8 MB → 2.4 MB, +33 %"; "±0" when unchanged.</summary>
    public string Text
    {
        get
        {
            if (Gone)
            {
                return $"{Value(Old)} → none (it no longer fits, so it does not run)";
            }

            return Unchanged ? "±0" : $"{Value(Old)} → {Value(New)}, {Percent(Fraction)}";
        }
    }

    private string Value(double v) => IsBytes
        ? ByteFormat.Human((long)Math.Round(v))
        : v.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The typographic minus sign, as diff tools and the brief's examples print it.</summary>
    public const string Minus = "\u2212";

    public static string Percent(double fraction)
    {
        if (double.IsPositiveInfinity(fraction))
        {
            return "new";
        }

        var percent = fraction * 100;
        // Under 10 % one decimal matters (a 2.5 % growth against a 5 % budget); above it, it is noise.
        var text = Math.Abs(percent).ToString(Math.Abs(percent) < 9.95 ? "0.#" : "0", CultureInfo.InvariantCulture);
        var sign = percent < 0 ? Minus : "+";
        return text == "0" ? "±0 %" : $"{sign}{text} %";
    }
}
