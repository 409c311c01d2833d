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
}
