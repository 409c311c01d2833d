using YamlDotNet.RepresentationModel;

namespace FitCheck.Hardware;

/// <summary>
/// A named accelerator from the preset file, with the public source of every stated value and the
/// reasoning behind every assumed one (keyed by field path, e.g. `memory.sram.size`). <see cref="Node"/>
/// is the entry as written, so a manifest's `preset:` can be merged with its overrides before reading.
/// </summary>
public sealed record AcceleratorPreset(
    string Name,
    string Description,
    Accelerator Accelerator,
    IReadOnlyDictionary<string, string> Sources,
    IReadOnlyDictionary<string, string> Assumptions,
    YamlMappingNode Node);
