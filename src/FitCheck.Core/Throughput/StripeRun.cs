namespace FitCheck.Throughput;

/// <summary>
/// One run of layers executed depth-first in horizontal stripes: executed layers <see cref="First"/> ..
/// <see cref="Last"/> (indices into the traffic profile), <see cref="StripeRows"/> output rows of the last layer
/// per stripe, <see cref="Stripes"/> stripes per image, the run's on-chip footprint while it executes
/// (<see cref="OnChipBytes"/>: stripe buffers + whole tensors kept on chip across it + its streamed weights),
/// the MACs recomputed in the halos (<see cref="ExtraMacs"/>, per batch), the bytes it still moves off chip per
/// batch, and its time striped beside its time with whole tensors spilled (the choice it won).
/// </summary>
public sealed record StripeRun(
    int First,
    int Last,
    long StripeRows,
    long Stripes,
    long OnChipBytes,
    long ExtraMacs,
    long OffChipBytes,
    double Seconds,
    double SpillSeconds);
