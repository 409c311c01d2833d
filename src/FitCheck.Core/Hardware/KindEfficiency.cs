namespace FitCheck.Hardware;

/// <summary>
/// Optional efficiency factors per operator kind, on top of the MAC array's mapping and the global utilization:
/// what a team's own measurements say its compiler achieves on each kind (`efficiency: {depthwise: 40%}` in a
/// manifest, fitted by `calibrate --fit depthwise`). A factor f makes that kind's layers take 1/f as long.
/// The kinds are one table: <see cref="Names"/>, indexed like <see cref="Factors"/>.
/// </summary>
public sealed record KindEfficiency
{
    /// <summary>conv: convolutions with a kernel larger than 1x1; pointwise: 1x1 convolutions, fully connected and
    /// matrix products; depthwise: depthwise convolutions; vector: pooling, elementwise, copies and resizes.</summary>
    public static readonly string[] Names = ["conv", "pointwise", "depthwise", "vector"];

    public static readonly KindEfficiency One = new([1, 1, 1, 1]);

    private readonly double[] factors;

    public KindEfficiency(IReadOnlyList<double> factors)
    {
        if (factors.Count != Names.Length)
        {
            throw new ArgumentException($"one factor per kind ({Names.Length})", nameof(factors));
        }

        this.factors = [.. factors];
    }

    public IReadOnlyList<double> Factors => factors;

    public bool IsOne => factors.All(f => f == 1);

    public double this[int kind] => kind < 0 ? 1 : factors[kind];

    public KindEfficiency With(int kind, double factor)
    {
        var copy = (double[])factors.Clone();
        copy[kind] = factor;
        return new KindEfficiency(copy);
    }

    public bool Equals(KindEfficiency? other) => other is not null && factors.AsSpan().SequenceEqual(other.factors);

    public override int GetHashCode()
    {
        var h = default(HashCode);
        foreach (var f in factors)
        {
            h.Add(f);
        }

        return h.ToHashCode();
    }
}
