using System.Globalization;
using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>
/// Which image side lengths a zoo network accepts. Every zoo network constrains width and height
/// independently, so the nearest valid resolutions are found one side at a time.
/// </summary>
public abstract class SideRule
{
    /// <summary>Why other sizes fail, for the diagnostic's message.</summary>
    public abstract string Reason { get; }

    /// <summary>What to use instead, completing "use ...", e.g. "a multiple of 32".</summary>
    public abstract string Requirement { get; }

    public abstract bool Accepts(int side);

    public static SideRule MultipleOf(int step, string why) => new MultipleRule(step, why);

    public static SideRule AtLeast(int minimum, string why) => new MinimumRule(minimum, why);

    /// <summary>
    /// The hint for a rejected resolution: the nearest valid size rounding each bad side down, and the one
    /// rounding it up (sides that are already valid stay as they are).
    /// </summary>
    public string Hint(Resolution resolution)
    {
        var below = new Resolution(Below(resolution.Width) ?? Above(resolution.Width) ?? resolution.Width,
            Below(resolution.Height) ?? Above(resolution.Height) ?? resolution.Height);
        var above = new Resolution(Above(resolution.Width) ?? below.Width, Above(resolution.Height) ?? below.Height);
        var examples = below == above ? below.ToString() : $"{below} or {above}";
        return $"use {Requirement}, e.g. {examples}";
    }

    /// <summary>The largest accepted side not above <paramref name="side"/>, if any.</summary>
    public virtual int? Below(int side)
    {
        for (var s = Math.Min(side, Resolution.MaxSide); s >= 1; s--)
        {
            if (Accepts(s))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>The smallest accepted side not below <paramref name="side"/>, if any.</summary>
    public virtual int? Above(int side)
    {
        for (var s = Math.Max(side, 1); s <= Resolution.MaxSide; s++)
        {
            if (Accepts(s))
            {
                return s;
            }
        }

        return null;
    }

    private sealed class MultipleRule(int step, string why) : SideRule
    {
        public override string Reason => why;

        public override string Requirement => string.Create(CultureInfo.InvariantCulture, $"a multiple of {step}");

        public override bool Accepts(int side) => side > 0 && side % step == 0;

        public override int? Below(int side) => side >= step ? side / step * step : null;

        public override int? Above(int side)
        {
            var up = ((long)Math.Max(side, 1) + step - 1) / step * step;
            return up <= Resolution.MaxSide ? (int)up : null;
        }
    }

    private sealed class MinimumRule(int minimum, string why) : SideRule
    {
        public override string Reason => why;

        public override string Requirement => string.Create(CultureInfo.InvariantCulture, $"at least {minimum} pixels on each side");

        public override bool Accepts(int side) => side >= minimum;

        public override int? Below(int side) => side >= minimum ? side : null;

        public override int? Above(int side) => Math.Max(side, minimum);
    }
}
