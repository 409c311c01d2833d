using FitCheck.Graph;

namespace FitCheck.Advice;

/// <summary>
/// The resolutions a search walks: the longer side steps through the model's accepted sides, the shorter
/// follows the aspect ratio asked for, rounded to the nearest accepted side (the smaller on a tie).
/// Both sides grow with the index, so every tensor does too: that is what lets a search bisect on a
/// lower bound of the memory a size needs.
/// </summary>
public static class ResolutionGrid
{
    public const int DefaultMax = 8192;

    /// <param name="aspect">The size whose aspect ratio is kept (the manifest's or the one asked for).</param>
    public static IReadOnlyList<Resolution> Points(SideGrid grid, Resolution aspect, int min, int max)
    {
        var sides = grid.Sides(1, Math.Max(max, aspect.Width + aspect.Height));
        var landscape = aspect.Width >= aspect.Height;
        var ratio = landscape ? (double)aspect.Height / aspect.Width : (double)aspect.Width / aspect.Height;
        var points = new List<Resolution>();
        foreach (var longer in sides)
        {
            if (longer < min || longer > max)
            {
                continue;
            }

            if (Nearest(sides, longer * ratio) is not { } shorter || shorter > longer)
            {
                continue;
            }

            points.Add(landscape ? new Resolution(longer, shorter) : new Resolution(shorter, longer));
        }

        return points;
    }

    private static int? Nearest(int[] sides, double target)
    {
        var i = Array.BinarySearch(sides, (int)Math.Floor(target));
        if (i >= 0 && sides[i] == target)
        {
            return sides[i];
        }

        var above = i >= 0 ? i + 1 : ~i;
        var below = i >= 0 ? i : above - 1;
        int? best = null;
        if (below >= 0)
        {
            best = sides[below];
        }

        if (above < sides.Length && (best is not { } b || sides[above] - target < target - b))
        {
            best = sides[above];
        }

        return best;
    }
}
