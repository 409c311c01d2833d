namespace FitCheck.Analysis;

/// <summary>
/// The activation arena a model needs. <see cref="PeakBytes"/> is what the greedy planner achieved,
/// shown beside <see cref="LowerBoundBytes"/> (the largest set of simultaneously live tensors), the
/// article's simpler "largest input + output of one layer" figure (a layer that runs in place counts
/// its inputs only), and the two largest distinct tensor sizes.
/// </summary>
public sealed record ActivationPlan(
    long PeakBytes,
    long LowerBoundBytes,
    long LargestPairBytes,
    string LargestPairLayer,
    long LargestTensorBytes,
    long SecondLargestTensorBytes,
    IReadOnlyList<TensorBuffer> Buffers,
    IReadOnlyList<long> Offsets,
    IReadOnlyList<int> BufferOfLayer);
