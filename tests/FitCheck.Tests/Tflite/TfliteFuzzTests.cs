using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Tflite;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Tflite;

/// <summary>
/// Deterministic mutation fuzzing (<see cref="MutationFuzz"/>) of .tflite files: 3 seeds x 200 mutants.
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
        var outcomes = await MutationFuzz.RunAsync(seed, Seed(seed), MutantsPerSeed, (name, bytes) => _files.Write(name + ".tflite", bytes), path =>
        {
            var model = TfliteModel.Load(path);
            model.Build(model.DefaultResolution, 1);
            if (model.DefaultResolution.Width < 1000)
            {
                // A second, larger build walks the shape arithmetic again; it may refuse the size, not crash.
                try
                {
                    model.Build(new Resolution(model.DefaultResolution.Width * 2, model.DefaultResolution.Height * 2), 1);
                }
                catch (FitCheckException)
                {
                }
            }
        });

        // The mutations must reach past the header: several distinct diagnostics, and some mutants still build.
        Assert.True(outcomes.Count >= 4, MutationFuzz.Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("built") > 0, MutationFuzz.Describe(outcomes));
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
}
