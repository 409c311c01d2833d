using System.Globalization;
using FitCheck.Diagnostics;
using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>
/// A built-in model: a topology written in code against <see cref="NetworkBuilder"/>. The base class
/// checks batch and resolution before any layer is built, so a bad size is reported with the nearest
/// good ones rather than as a shape error deep inside the network.
/// </summary>
public abstract class ZooModel : IModelSource
{
    public abstract string Name { get; }

    /// <summary>One line for `dotnet fitcheck zoo`, with the published source of the topology.</summary>
    public abstract string Description { get; }

    public abstract Resolution DefaultResolution { get; }

    /// <summary>Which widths and heights the network accepts.</summary>
    public abstract SideRule Sides { get; }

    /// <summary>Image channels the published model reads (3 for RGB; U-Net's paper used grey-scale).</summary>
    public virtual int InputChannels => 3;

    public Network Build(Resolution resolution, int batch)
    {
        if (batch <= 0)
        {
            throw new FitCheckException(DiagnosticCatalog.BatchNotPositive(Name, batch));
        }

        if (!Sides.Accepts(resolution.Width) || !Sides.Accepts(resolution.Height))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidResolution(Name, resolution.ToString(), Sides.Reason, Sides.Hint(resolution), null));
        }

        try
        {
            var b = new NetworkBuilder(Name, batch, InputChannels, resolution.Height, resolution.Width);
            Define(b);
            return b.Build();
        }
        catch (OverflowException)
        {
            // The builder reports its own overflows; this catches sizes a model computes itself
            // (token counts, attention MACs) and the network's totals.
            throw new FitCheckException(DiagnosticCatalog.SizeOverflow(Name, $"the network at {resolution}, batch {batch.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    /// <summary>Adds the layers after the input; the resolution is already known to be valid.</summary>
    protected abstract void Define(NetworkBuilder b);
}
