namespace FitCheck.Throughput;

/// <summary>
/// The runs striped execution chose for one deployment, with per executed layer: the run it belongs to (-1:
/// none), the bytes it moves per tier once striped, the share of its rows it computes (1 + halo recompute) and
/// its extra MACs. <see cref="None"/> when nothing is striped.
/// </summary>
public sealed record StripePlan(IReadOnlyList<StripeRun> Runs, int[] RunOf, long[]?[] TierBytes, double[] ComputeScale, long[] ExtraMacs)
{
    public static readonly StripePlan None = new([], [], [], [], []);

    public bool Any => Runs.Count > 0;

    /// <summary>The largest on-chip footprint of any run: what striped execution needs on chip at once.</summary>
    public long OnChipBytes => Runs.Count == 0 ? 0 : Runs.Max(r => r.OnChipBytes);

    public long TotalExtraMacs
    {
        get
        {
            long total = 0;
            foreach (var r in Runs)
            {
                total = checked(total + r.ExtraMacs);
            }

            return total;
        }
    }

    public int RunOfLayer(int executed) => executed < RunOf.Length ? RunOf[executed] : -1;
}
