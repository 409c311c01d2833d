namespace FitCheck.Models.Onnx;

/// <summary>
/// What a tensor name stands for while the graph is translated: the output of a network layer
/// (<see cref="Layer"/> ≥ 0) or a constant (initializer, Constant node, folded shape arithmetic) with its
/// dims and, when small, its values. ONNX dims are kept at their real rank; layers see them mapped to NCHW.
/// </summary>
internal sealed class OnnxValue
{
    private OnnxValue(int layer, long[] dims, int dataType, long[]? ints, double[]? floats, bool generated = false)
    {
        Generated = generated;
        Layer = layer;
        Dims = dims;
        DataType = dataType;
        Ints = ints;
        Floats = floats;
    }

    public int Layer { get; }

    public long[] Dims { get; }

    public int DataType { get; }

    public long[]? Ints { get; }

    public double[]? Floats { get; }

    public bool IsConstant => Layer < 0;

    /// <summary>
    /// A constant the graph computes from nothing stored (Shape, Size, Range, ConstantOfShape and arithmetic on
    /// them): it costs no parameter bytes when an operator consumes it, unlike an initializer.
    /// </summary>
    public bool Generated { get; }

    public int Rank => Dims.Length;

    public long Elements
    {
        get
        {
            long n = 1;
            foreach (var d in Dims)
            {
                n = checked(n * d);
            }

            return n;
        }
    }

    public static OnnxValue Activation(int layer, long[] dims) => new(layer, dims, OnnxDataType.Float, null, null);

    public static OnnxValue Constant(long[] dims, int dataType, long[]? ints = null, double[]? floats = null, bool generated = false) =>
        new(-1, dims, dataType, ints, floats, generated);

    /// <summary>The same constant under new dims (a view), keeping its values when their count still matches.</summary>
    public OnnxValue Reshaped(long[] dims) => new(-1, dims, DataType, Ints, Floats, Generated);

    public bool IsInteger => OnnxDataType.IsInteger(DataType);

    public static OnnxValue FromTensor(OnnxTensor t) => Constant([.. t.Dims], t.DataType, t.Ints, t.Floats);

    /// <summary>The values as integers (shape arithmetic reads float scalars too, e.g. Cast outputs).</summary>
    public long[]? IntValues => Ints ?? Floats?.Select(f => checked((long)f)).ToArray();

    public double[]? FloatValues => Floats ?? Ints?.Select(i => (double)i).ToArray();
}
