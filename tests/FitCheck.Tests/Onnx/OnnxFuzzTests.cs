using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

/// <summary>
/// Deterministic mutation fuzzing: seeded byte flips, truncations, inserted garbage and duplicated spans of
/// a few valid files. Every mutant must either import and build, or fail with a FitCheckException —
/// never another exception, never a hang.
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
        var original = Seed(seed);
        var random = new Random(seed.Length * 7919);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < MutantsPerSeed; i++)
        {
            var mutant = Mutate(original, random, i % 4);
            var path = _files.Write($"{seed}-{i}.onnx", mutant);
            var run = Task.Run(() =>
            {
                try
                {
                    var model = OnnxModel.Load(path);
                    model.Build(model.DefaultResolution.Width > 4096 ? new Resolution(64, 64) : model.DefaultResolution, 1);
                    return "built";
                }
                catch (FitCheckException e)
                {
                    return e.Diagnostic.Id;
                }
            });

            // A hang fails the test here instead of blocking the run.
            string outcome;
            try
            {
                outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"mutant {seed}-{i} did not finish in 10 s");
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"mutant {seed}-{i} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            File.Delete(path);
        }

        // The mutations must reach past the header: several distinct diagnostics, and some mutants still build.
        Assert.True(outcomes.Count >= 3, string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}")));
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

    private static byte[] Mutate(byte[] original, Random random, int kind)
    {
        var bytes = (byte[])original.Clone();
        switch (kind)
        {
            case 0:
                // Flip a few bytes to random values.
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                var at = random.Next(bytes.Length);
                var garbage = new byte[random.Next(1, 16)];
                random.NextBytes(garbage);
                return [.. bytes[..at], .. garbage, .. bytes[at..]];
            default:
                var start = random.Next(bytes.Length);
                var length = random.Next(1, Math.Min(64, bytes.Length - start) + 1);
                var to = random.Next(bytes.Length);
                return [.. bytes[..to], .. bytes.AsSpan(start, length).ToArray(), .. bytes[to..]];
        }
    }
}
