using FitCheck.Graph;
using FitCheck.Models.Onnx;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Onnx;

/// <summary>
/// Deterministic mutation fuzzing (<see cref="MutationFuzz"/>) of a few valid ONNX files, hand-written and from
/// the operator registry.
/// </summary>
public sealed class OnnxFuzzTests : IDisposable
{
    private const int MutantsPerSeed = 180;

    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Hand-written seeds, plus registry cases whose operators carry bodies, states or folded shape arithmetic.</summary>
    public static TheoryData<string> Seeds() => ["small", "qdq", "tensors", "If", "Loop", "Scan", "LSTM", "NonMaxSuppression", "Einsum", "Range", "Shape", "DynamicQuantizeLinear"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task MutantsEitherBuildOrFailWithADiagnostic(string seed)
    {
        var outcomes = await MutationFuzz.RunAsync(seed, Seed(seed), MutantsPerSeed, (name, bytes) => _files.Write(name + ".onnx", bytes), path =>
        {
            var model = OnnxModel.Load(path);
            model.Build(model.DefaultResolution.Width > 4096 ? new Resolution(64, 64) : model.DefaultResolution, 1);
        });

        // The mutations must reach past the header: several distinct diagnostics, and some mutants still build.
        Assert.True(outcomes.Count >= 3, MutationFuzz.Describe(outcomes));
    }

    private static byte[] Seed(string name) => name switch
    {
        "small" => NetworkToOnnx.Convert(NetworkToOnnxTests.SmallNetwork(32)).ToBytes(),
        "qdq" => new OnnxWriter().Input("x", "N", 3L, "H", "W")
            .Initializer("wq", [8, 3, 3, 3], OnnxWriter.Int8).Floats("ws", 0.1f).Initializer("wz", [], OnnxWriter.Int8)
            .Node("DequantizeLinear", ["wq", "ws", "wz"], ["wd"], "wdq")
            .Node("Conv", ["x", "wd"], ["y"], "conv", OnnxAttr.Ints("pads", 1, 1, 1, 1), OnnxAttr.Ints("strides", 2, 2))
            .Node("Clip", ["y"], ["z"], "clip").Output("z", "N", 8L, "H", "W").ToBytes(),
        "tensors" => new OnnxWriter().Input("x", "N", 6L, 8L, 8L)
            .Int64s("parts", 2, 4).Int64s("starts", 1).Int64s("ends", 3).Int64s("axes", 1).Int64s("shape", 0, -1).Floats("scales", 1, 1, 2, 2)
            .Node("Split", ["x", "parts"], ["a", "b"], "split", OnnxAttr.Int("axis", 1))
            .Node("Concat", ["b", "a", "x"], ["c"], "cat", OnnxAttr.Int("axis", 1))
            .Node("Slice", ["c", "starts", "ends", "axes"], ["s"], "slice")
            .Node("Resize", ["s", "", "scales"], ["u"], "up")
            .Node("Transpose", ["u"], ["t"], "t", OnnxAttr.Ints("perm", 0, 1, 3, 2))
            .Node("Reshape", ["t", "shape"], ["r"], "reshape")
            .Node("Softmax", ["r"], ["y"], "softmax")
            .Output("y", "N", 512L).ToBytes(),
        _ => OnnxRegistryTests.Cases[name].Graph().ToBytes(),
    };
}
