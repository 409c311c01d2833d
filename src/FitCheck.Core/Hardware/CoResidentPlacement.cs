namespace FitCheck.Hardware;

/// <summary>
/// Where a group of models deployed together on one accelerator lives. The group's items are one code image
/// (<see cref="Code"/>: the runtime once, each kernel kind once, every member's command stream), one arena
/// region (<see cref="Arena"/>: max or sum of the members' arenas) and all members' weights together
/// (<see cref="Weights"/>). <see cref="Members"/> is each member's own view, in member order: the shared code
/// and its own arena, weights and share of the weight cache, ready for the throughput model.
/// </summary>
public sealed record CoResidentPlacement(
    ItemPlacement Code,
    int DistinctKernels,
    ItemPlacement Arena,
    ItemPlacement Weights,
    IReadOnlyList<Placement> Members)
{
    public bool Fits => Members.All(m => m.Fits);
}
