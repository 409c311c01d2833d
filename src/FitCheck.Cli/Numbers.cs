using System.Globalization;

namespace FitCheck.Cli;

/// <summary>Counts for people: invariant culture so reports diff the same on every machine.</summary>
internal static class Numbers
{
    public static string Millions(long value) => (value / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M";

    public static string Giga(long value) => (value / 1e9).ToString("0.00", CultureInfo.InvariantCulture);
}
