using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Tflite;

namespace FitCheck.Tests.Tflite;

/// <summary>
/// Deterministic mutation fuzzing of .tflite files: seeded byte flips (weighted towards offsets and vtables,
/// the first part of the file), overwritten 32-bit words, truncations and spliced spans. 3 seeds x 200
/// mutants; each must import and build, or fail with a FitCheckException — never another exception, never a hang.
/// </summary>
public sealed class TfliteFuzzTests : IDisposable
{
    private const int MutantsPerSeed = 200;

    private readonly TfliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> Seeds() => ["small", "int8-dynamic", "ops"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task MutantsEitherBuildOrFailWithADiagnostic(string seed)
    {
        var original = Seed(seed);
        var random = new Random(seed.Length * 7919);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < MutantsPerSeed; i++)
        {
            var path = _files.Write($"{seed}-{i}.tflite", Mutate(original, random, i % 5));
            var run = Task.Run(() =>
            {
                try
                {
                    var model = TfliteModel.Load(path);
                    model.Build(model.DefaultResolution, 1);
                    if (model.DefaultResolution.Width < 1000)
                    {
                        try
                        {
                            model.Build(new Resolution(model.DefaultResolution.Width * 2, model.DefaultResolution.Height * 2), 1);
                        }
                        catch (FitCheckException)
                        {
                        }
                    }

                    return "built";
                }
                catch (FitCheckException e)
                {
                    Assert.DoesNotContain("Exception", e.Diagnostic.Message);
                    return e.Diagnostic.Id;
                }
            });

            string outcome;
            try
            {
                outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"mutant {seed}-{i} did not finish in 10 s");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"mutant {seed}-{i} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            File.Delete(path);
        }

        // The mutations must reach past the header: several distinct diagnostics, and some mutants still build.
        Assert.True(outcomes.Count >= 4, string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}")));
        Assert.True(outcomes.GetValueOrDefault("built") > 0, string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}")));
    }

    private static byte[] Seed(string name) => name switch
    {
        "small" => TfliteModels.SmallConvNet().ToBytes(),
        "int8-dynamic" => TfliteModels.SmallConvNet([-1, -1, -1, 3], TfliteWriter.Int8).ToBytes(),
        _ => Ops(),
    };

    private static byte[] Ops()
    {
        var w = new TfliteWriter();
        var x = w.Tensor("input", [1, 8, 8, 4], signature: [1, -1, -1, 4]);
        var pads = w.Ints("pads", 0, 0, 1, 1, 1, 1, 0, 0);
        var p = w.Tensor("pad", [1, 10, 10, 4]);
        w.Op("PAD", [x, pads], [p]);
        var pool = w.Tensor("pool", [1, 5, 5, 4]);
        w.Op("MAX_POOL_2D", [p, -1], [pool], TfliteWriter.Pool2DOptions, TfliteWriter.PoolOptions(2, 2));
        var size = w.Ints("size", 10, 10);
        var up = w.Tensor("up", [1, 10, 10, 4]);
        w.Op("RESIZE_NEAREST_NEIGHBOR", [pool, size], [up]);
        var cat = w.Tensor("cat", [1, 10, 10, 8]);
        w.Op("CONCATENATION", [up, p], [cat], TfliteWriter.ConcatenationOptions, [(0, 4, 3)]);
        var d2s = w.Tensor("d2s", [1, 20, 20, 2]);
        w.Op("DEPTH_TO_SPACE", [cat], [d2s], TfliteWriter.DepthToSpaceOptions, [(0, 4, 2)]);
        var scale = w.Constant("scale", [2]);
        var mul = w.Tensor("mul", [1, 20, 20, 2]);
        w.Op("MUL", [d2s, scale], [mul]);
        var act = w.Tensor("hswish", [1, 20, 20, 2]);
        w.Op("HARD_SWISH", [mul], [act]);
        w.Inputs(x);
        w.Outputs(act);
        return w.ToBytes();
    }

    private static byte[] Mutate(byte[] original, Random random, int kind)
    {
        var bytes = (byte[])original.Clone();
        switch (kind)
        {
            case 0:
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1:
                // Offsets, vtables and shapes: a 32-bit word replaced by a nearby or an extreme value.
                var at = random.Next(bytes.Length / 4) * 4;
                int[] values = [0, -1, int.MinValue, int.MaxValue, random.Next(-64, 64), random.Next()];
                BitConverter.GetBytes(values[random.Next(values.Length)]).CopyTo(bytes, at);
                return bytes;
            case 2:
                return bytes[..random.Next(bytes.Length)];
            case 3:
                var insert = random.Next(bytes.Length);
                var garbage = new byte[random.Next(1, 16)];
                random.NextBytes(garbage);
                return [.. bytes[..insert], .. garbage, .. bytes[insert..]];
            default:
                var start = random.Next(bytes.Length);
                var length = random.Next(1, Math.Min(64, bytes.Length - start) + 1);
                var to = random.Next(bytes.Length);
                var copy = (byte[])bytes.Clone();
                var span = Math.Min(length, copy.Length - to);
                bytes.AsSpan(start, span).CopyTo(copy.AsSpan(to, span));
                return copy;
        }
    }
}
