namespace FitCheck.Hardware;

/// <summary>
/// Which layers' weights stay on chip when the weights as a whole do not: <see cref="CachedLayers"/> is
/// indexed like the traffic profile's executed layers; their weights are read from tier <see cref="Tier"/>,
/// the others stream from the weights' tier every frame. <see cref="None"/> when nothing is cached this way.
/// </summary>
public sealed record WeightCache(int Tier, long CachedBytes, long StreamedBytes, bool[] CachedLayers)
{
    public static readonly WeightCache None = new(-1, 0, 0, []);

    public bool Any => CachedBytes > 0;
}
