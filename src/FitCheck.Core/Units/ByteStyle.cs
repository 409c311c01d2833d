namespace FitCheck.Units;

/// <summary>
/// How a size was written, so it can be echoed the same way: `8 MiB` in, "8 MiB" out; `2 MB` in, "2.0 MB" out.
/// Sizes FitCheck computes itself (weights, arena) are decimal unless they are compared with a binary figure.
/// </summary>
public enum ByteStyle
{
    Decimal,
    Binary,
}
