namespace FitCheck.Hardware;

/// <summary>
/// Whether the accelerator's compiler runs layers depth-first in horizontal stripes when the activation arena
/// does not fit on chip (Arm Vela's cascading, a dataflow part's line buffers). Auto: the throughput model may
/// stripe runs of layers where that is cheaper than spilling whole tensors. Off: spilled tensors move whole.
/// Either way the `activations:` gates judge the whole planned arena: striping changes traffic and time, not
/// the memory figures, so a model that fits only when striped is reported as not fitting on chip.
/// </summary>
public enum ActivationStriping
{
    Off,
    Auto,
}
