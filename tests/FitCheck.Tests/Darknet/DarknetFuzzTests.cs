using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FitCheck.Diagnostics;
using FitCheck.Models.Darknet;

namespace FitCheck.Tests.Darknet;

/// <summary>
/// Deterministic mutations of the YOLOv3 cfgs: whatever the damage, loading and building either succeeds
/// or reports a <see cref="FitCheckException"/>, and quickly.
/// </summary>
public partial class DarknetFuzzTests
{
    private const int Cases = 1200;

    private static readonly string[] Absurd =
    [
        "0", "-1", "-2", "-999999", "1", "2", "7", "1024", "65536", "65537", "1048576", "2147483647", "2147483648",
        "-2147483648", "9223372036854775807", "99999999999999999999999", "1000000000000", "-0", "+3", "3.5", "1e9",
    ];

    /// <summary>The YOLOv3 pair, real Darknet cfgs with the sections beyond YOLO, and one of every other section.</summary>
    private static readonly string[] Originals =
    [
        "yolov3.cfg", "yolov3-tiny.cfg", "every-section.cfg",
        "repository/pjreddie/resnet50.cfg", "repository/pjreddie/resnet18.cfg", "repository/pjreddie/vgg-16.cfg",
        "repository/pjreddie/yolov1.cfg", "repository/pjreddie/rnn.cfg", "repository/pjreddie/gru.cfg", "repository/pjreddie/go.cfg",
        "repository/alexeyab/lstm.train.cfg", "repository/alexeyab/crnn.train.cfg", "repository/alexeyab/efficientnet_b0.cfg",
        "repository/alexeyab/yolov1_yolo-small.cfg", "repository/alexeyab/Gaussian_yolov3_BDD.cfg",
        "repository/alexeyab/yolov4-tiny_contrastive.cfg", "repository/alexeyab/resnet152_trident.cfg",
    ];

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex Number();

    [Fact]
    public void MutatedCfgsLoadOrFailWithADiagnostic()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Darknet", "Data");
        var originals = Originals.Select(f => File.ReadAllBytes(Path.Combine(data, f))).ToArray();
        var unexpected = new List<string>();
        int built = 0, rejected = 0;
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var bytes = originals[seed % originals.Length];
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                bytes = Mutate(bytes, random);
            }

            var clock = Stopwatch.StartNew();
            try
            {
                var model = CfgWriter.Load(bytes, "fuzz.cfg");
                model.Build(model.DefaultResolution, 1);
                built++;
            }
            catch (FitCheckException ex)
            {
                Assert.NotNull(ex.Diagnostic.Hint);
                rejected++;
            }
            catch (Exception ex)
            {
                unexpected.Add($"seed {seed}: {ex.GetType().Name}: {ex.Message}");
            }

            // Generous for a shared CI machine; a hang or a per-pixel loop would take far longer.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"seed {seed} took {clock.Elapsed}");
        }

        Assert.Empty(unexpected);
        // The mutations must exercise both outcomes, or this test proves nothing.
        Assert.InRange(built, 1, Cases - 1);
        Assert.Equal(Cases, built + rejected);
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return [(byte)random.Next(256)];
        }

        switch (random.Next(5))
        {
            case 0:
                var flipped = (byte[])bytes.Clone();
                flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                return flipped;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
            case 3:
                var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
                var i = random.Next(lines.Count);
                if (random.Next(2) == 0)
                {
                    lines.RemoveAt(i);
                }
                else
                {
                    lines.Insert(i, lines[i]);
                }

                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            default:
                var text = Encoding.UTF8.GetString(bytes);
                var numbers = Number().Matches(text);
                if (numbers.Count == 0)
                {
                    return bytes;
                }

                var n = numbers[random.Next(numbers.Count)];
                var replacement = Absurd[random.Next(Absurd.Length)];
                return Encoding.UTF8.GetBytes(text[..n.Index] + replacement + text[(n.Index + n.Length)..]);
        }
    }

    [Fact]
    public void TheUnmutatedFilesBuild()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Darknet", "Data");
        foreach (var file in Originals)
        {
            var model = DarknetModel.Load(Path.Combine(data, file));
            Assert.NotEmpty(model.Build(model.DefaultResolution, 1).Layers);
        }
    }
}
