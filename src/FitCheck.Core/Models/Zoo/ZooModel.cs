using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>A built-in model: a topology written in code against <see cref="NetworkBuilder"/>.</summary>
public abstract class ZooModel : IModelSource
{
    public abstract string Name { get; }

    /// <summary>One line for `dotnet fitcheck zoo`, with the published source of the topology.</summary>
    public abstract string Description { get; }

    public abstract Resolution DefaultResolution { get; }

    public abstract Network Build(Resolution resolution, int batch);
}
