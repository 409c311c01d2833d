namespace FitCheck.Hardware;

/// <summary>
/// What happens to weights that do not fit on chip as a whole. Partial: the room left on chip after code and
/// the arena caches whole layers' weights and only the rest stream every frame (the Edge TPU compiler's
/// "caching model parameters" vs "streaming uncached model parameters"). All-or-nothing: either all weights
/// are on chip or all stream.
/// </summary>
public enum WeightCaching
{
    Partial,
    AllOrNothing,
}
