namespace FitCheck.Graph;

/// <summary>A network instantiated at one input resolution and batch: layers in topological order, layer 0 is the input.</summary>
public sealed class Network
{
    public Network(string name, IReadOnlyList<Layer> layers)
    {
        Name = name;
        Layers = layers;
        long parameters = 0, macs = 0;
        foreach (var layer in layers)
        {
            parameters = checked(parameters + layer.Parameters);
            macs = checked(macs + layer.Macs);
        }

        Parameters = parameters;
        Macs = macs;
    }

    public string Name { get; }
    public IReadOnlyList<Layer> Layers { get; }
    public TensorShape Input => Layers[0].Output;
    public long Parameters { get; }
    public long Macs { get; }

    /// <summary>
    /// The same network for one image of a batch of <paramref name="batch"/>: every shape's N and every layer's MACs
    /// divided by the batch. Null when some layer does not carry the batch whole (a batch-independent tensor, MACs
    /// that do not divide), so the caller keeps the batch network.
    /// </summary>
    public Network? PerImage(int batch)
    {
        if (batch <= 1)
        {
            return this;
        }

        var layers = new Layer[Layers.Count];
        foreach (var l in Layers)
        {
            if (l.Output.N % batch != 0 || l.Macs % batch != 0)
            {
                return null;
            }

            layers[l.Index] = new Layer
            {
                Index = l.Index,
                Name = l.Name,
                Kind = l.Kind,
                Inputs = l.Inputs,
                Output = l.Output with { N = l.Output.N / batch },
                WeightParameters = l.WeightParameters,
                BiasParameters = l.BiasParameters,
                Macs = l.Macs / batch,
                Kernel = l.Kernel,
                Activation = l.Activation,
                Window = l.Window,
            };
        }

        return new Network(Name, layers);
    }
}
