namespace FitCheck.Units;

/// <summary>
/// Every unit FitCheck accepts, with its kind and its factor to the base unit (bytes, bytes/s, ops/s, Hz,
/// fraction, seconds, frames/s). Matching is case-sensitive because case carries meaning (`Mb` is a
/// megabit, `ms` a millisecond); a near miss in case is offered as a suggestion instead.
/// </summary>
internal static class UnitTable
{
    internal readonly record struct Unit(string Symbol, UnitKind Kind, decimal Factor);

    private const decimal Ki = 1024m;
    private const decimal Mi = Ki * 1024m;
    private const decimal Gi = Mi * 1024m;
    private const decimal Ti = Gi * 1024m;

    public static readonly Unit[] All =
    [
        new("B", UnitKind.Size, 1m),
        new("kB", UnitKind.Size, 1e3m),
        new("KB", UnitKind.Size, 1e3m),
        new("MB", UnitKind.Size, 1e6m),
        new("GB", UnitKind.Size, 1e9m),
        new("TB", UnitKind.Size, 1e12m),
        new("KiB", UnitKind.Size, Ki),
        new("MiB", UnitKind.Size, Mi),
        new("GiB", UnitKind.Size, Gi),
        new("TiB", UnitKind.Size, Ti),

        new("B/s", UnitKind.Bandwidth, 1m),
        new("kB/s", UnitKind.Bandwidth, 1e3m),
        new("KB/s", UnitKind.Bandwidth, 1e3m),
        new("MB/s", UnitKind.Bandwidth, 1e6m),
        new("GB/s", UnitKind.Bandwidth, 1e9m),
        new("TB/s", UnitKind.Bandwidth, 1e12m),
        new("KiB/s", UnitKind.Bandwidth, Ki),
        new("MiB/s", UnitKind.Bandwidth, Mi),
        new("GiB/s", UnitKind.Bandwidth, Gi),
        new("TiB/s", UnitKind.Bandwidth, Ti),

        // Compute is kept in ops/s; one multiply-accumulate is two operations, as vendors count TOPS.
        new("OPS", UnitKind.Compute, 1m),
        new("kOPS", UnitKind.Compute, 1e3m),
        new("MOPS", UnitKind.Compute, 1e6m),
        new("GOPS", UnitKind.Compute, 1e9m),
        new("TOPS", UnitKind.Compute, 1e12m),
        new("POPS", UnitKind.Compute, 1e15m),
        new("MAC/s", UnitKind.Compute, 2m),
        new("kMAC/s", UnitKind.Compute, 2e3m),
        new("MMAC/s", UnitKind.Compute, 2e6m),
        new("GMAC/s", UnitKind.Compute, 2e9m),
        new("TMAC/s", UnitKind.Compute, 2e12m),

        new("Hz", UnitKind.Frequency, 1m),
        new("kHz", UnitKind.Frequency, 1e3m),
        new("MHz", UnitKind.Frequency, 1e6m),
        new("GHz", UnitKind.Frequency, 1e9m),

        new("%", UnitKind.Percent, 0.01m),

        new("s", UnitKind.Duration, 1m),
        new("ms", UnitKind.Duration, 1e-3m),
        new("us", UnitKind.Duration, 1e-6m),
        new("µs", UnitKind.Duration, 1e-6m), // micro sign
        new("μs", UnitKind.Duration, 1e-6m), // Greek mu, which keyboards often give instead
        new("ns", UnitKind.Duration, 1e-9m),

        new("fps", UnitKind.FrameRate, 1m),
    ];

    public static Unit? Find(string symbol)
    {
        foreach (var u in All)
        {
            if (string.Equals(u.Symbol, symbol, StringComparison.Ordinal))
            {
                return u;
            }
        }

        return null;
    }

    /// <summary>The units of one kind, as shown in messages.</summary>
    public static IEnumerable<string> Symbols(UnitKind kind)
    {
        foreach (var u in All)
        {
            if (u.Kind == kind)
            {
                yield return u.Symbol;
            }
        }
    }

    /// <summary>"a size such as `8 MiB` or `2 MB`": what messages say is expected.</summary>
    public static string Expected(UnitKind kind) => kind switch
    {
        UnitKind.Size => "a size such as `8 MiB` or `2 MB`",
        UnitKind.Bandwidth => "a bandwidth such as `17 GB/s` or `800 MiB/s`",
        UnitKind.Compute => "a compute rate such as `4 TOPS` or `2 TMAC/s`",
        UnitKind.Frequency => "a frequency such as `500 MHz`",
        UnitKind.Percent => "a percentage such as `10%`",
        UnitKind.Duration => "a time such as `33 ms` or `1.5 s`",
        _ => "a frame rate such as `30 fps`",
    };

    /// <summary>"a size", "a bandwidth": what a unit of the wrong kind makes the value.</summary>
    public static string Noun(UnitKind kind) => kind switch
    {
        UnitKind.Size => "a size",
        UnitKind.Bandwidth => "a bandwidth",
        UnitKind.Compute => "a compute rate",
        UnitKind.Frequency => "a frequency",
        UnitKind.Percent => "a percentage",
        UnitKind.Duration => "a time",
        _ => "a frame rate",
    };
}
