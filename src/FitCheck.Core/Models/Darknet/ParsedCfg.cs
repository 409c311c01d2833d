namespace FitCheck.Models.Darknet;

/// <summary>A checked .cfg: the [net] input and the layers in file order.</summary>
internal sealed record ParsedCfg(int Width, int Height, int Channels, IReadOnlyList<DarknetLayer> Layers);
