namespace FitCheck.Hardware;

/// <summary>
/// How an accelerator schedules a network. Layer-by-layer runs one layer after another on the whole
/// engine (fps = batch / the sum of layer times). Dataflow maps every layer at once and streams frames
/// through them: throughput is set by the slowest shared resource (compute fabric, a memory tier's port,
/// the host link), latency is the time one frame takes through all layers.
/// </summary>
public enum ExecutionMode
{
    LayerByLayer,
    Dataflow,
}
