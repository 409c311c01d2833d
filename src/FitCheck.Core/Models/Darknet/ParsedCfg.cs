namespace FitCheck.Models.Darknet;

/// <summary>
/// A checked .cfg: the [net] input and the layers in file order. <see cref="TimeSteps"/> is [net] time_steps=:
/// recurrent networks run that many steps per inference, which Darknet counts as a batch that many times larger.
/// <see cref="IsVector"/>: the [net] gives only inputs= (text and sequence models), a 1 x 1 map of that many channels.
/// </summary>
internal sealed record ParsedCfg(int Width, int Height, int Channels, IReadOnlyList<DarknetLayer> Layers)
{
    public int TimeSteps { get; init; } = 1;

    public bool IsVector { get; init; }
}
