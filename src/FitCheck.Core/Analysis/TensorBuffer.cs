namespace FitCheck.Analysis;

/// <summary>
/// One block of the activation arena: a tensor plus every view or in-place result that shares its
/// storage. Alive from the layer that first writes it to the last layer that reads any of its names.
/// </summary>
public sealed record TensorBuffer(int Id, long Bytes, int FirstUse, int LastUse)
{
    public bool OverlapsInTime(TensorBuffer other) => FirstUse <= other.LastUse && other.FirstUse <= LastUse;
}
