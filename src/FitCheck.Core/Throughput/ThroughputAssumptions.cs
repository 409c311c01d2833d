using System.Globalization;
using FitCheck.Hardware;

namespace FitCheck.Throughput;

/// <summary>
/// What a throughput estimate assumed, so a reader can see why fps changed: peak compute, utilization, the
/// efficiency model, execution and overlap, each tier's bandwidth, weight caching, activation striping and
/// the host link. One sentence for the console and Markdown, fields for JSON and explain.
/// </summary>
public sealed record ThroughputAssumptions(
    double PeakMacsPerSecond,
    double Utilization,
    string Efficiency,
    string Execution,
    string Overlap,
    IReadOnlyList<(string Tier, double BytesPerSecond)> Bandwidths,
    string Caching,
    string Striping,
    string HostLink)
{
    public static readonly ThroughputAssumptions Empty = new(0, 0, "", "", "", [], "", "", "");

    public static ThroughputAssumptions For(Accelerator a)
    {
        var e = a.ComputeShape;
        var efficiency = e.HasArray
            ? $"{e.InputLanes}x{e.OutputLanes} MAC array" + (e.VectorLanes > 0 ? $", {e.VectorLanes}-lane vector unit" : ", vector work free")
                + (e.Winograd ? ", Winograd F(2x2,3x3)" : "")
            : "every MAC at peak (no MAC array declared)" + (e.Winograd ? ", Winograd F(2x2,3x3)" : "");
        if (e.FabricUnits > 0)
        {
            efficiency += $", {e.FabricUnits} fabric units allocated per layer in whole units, contexts reload weights per batch"
                + (e.LayerBytesPerSecond > 0 ? $", {Rate(e.LayerBytesPerSecond)} per layer's memory port" : "");
        }

        var host = a.Host is { } h
            ? $"{Rate(h.BytesPerSecond)} + {(h.OverheadSeconds * 1000).ToString("0.###", CultureInfo.InvariantCulture)} ms per inference"
            : "none";
        return new ThroughputAssumptions(
            a.MacsPerSecond,
            a.Utilization,
            efficiency,
            a.Execution == ExecutionMode.Dataflow ? "dataflow" : "layer-by-layer",
            a.Overlap == OverlapMode.Pipelined ? "pipelined" : "serialized",
            a.Tiers.Select(t => (t.Name, t.BandwidthBytesPerSecond)).ToList(),
            a.Caching == WeightCaching.Partial ? "partial (whole layers, most weight bytes per MAC first)" : "all-or-nothing",
            a.Striping == ActivationStriping.Auto
                ? "auto (when the arena spills, runs of layers in stripes where faster; halos recomputed)"
                : "off (spilled tensors move whole)",
            host);
    }

    /// <summary>"assumed: 4 TOPS peak x 50% utilization; 64x64 MAC array; layer-by-layer, serialized; sram 100 GB/s, ..."</summary>
    public string Sentence()
    {
        var tops = (PeakMacsPerSecond * 2 / 1e12).ToString("0.###", CultureInfo.InvariantCulture);
        var u = (Utilization * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var bw = string.Join(", ", Bandwidths.Select(b => $"{b.Tier} {Rate(b.BytesPerSecond)}"));
        return $"assumed: {tops} TOPS peak x {u}% utilization; efficiency: {Efficiency}; {Execution}, {Overlap}; {bw}; " +
            $"weight caching: {Caching}; striping: {Striping}; host link: {HostLink}";
    }

    private static string Rate(double bytesPerSecond) =>
        (bytesPerSecond / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + " GB/s";
}
