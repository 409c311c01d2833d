using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using FitCheck.Analysis;
using FitCheck.Models.Tflite;

namespace FitCheck.Tests.Tflite;

/// <summary>
/// Real models: parameters, MACs and weight bytes equal an independent count — flatc's JSON dump of each file
/// read by Reference/count_from_flatc.py (a different parser from FitCheck's). Hand checks: micro_speech is a
/// 10x8 conv with 8 filters on 49x40 at stride 2 (25·20·8·80 = 320,000 MACs, 648 parameters) and a 4000→4 dense
/// layer (16,000 MACs, 16,004 parameters); MobileNet-v1 0.25 on 96x96 grey (person_detect) is published at
/// about 7 M MACs and 0.21 M parameters.
/// </summary>
public sealed class RealModelTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "Tflite", "Data", file);

    [Theory]
    [InlineData("person_detect.tflite", 210706, 7157888, 218928, Precision.Int8)]
    [InlineData("micro_speech_quantized.tflite", 16652, 336000, 16704, Precision.Int8)]
    [InlineData("trained_lstm_int8.tflite", 9530, 113120, 9808, Precision.Int8)]
    public void TfliteMicroModelsMatchTheIndependentCount(string file, long parameters, long macs, long weightBytes, Precision precision)
    {
        var model = TfliteModel.Load(Data(file));
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(parameters, net.Parameters);
        Assert.Equal(macs, net.Macs);
        Assert.Equal(weightBytes, model.StoredWeightBytes);
        Assert.Equal(precision, model.NativePrecision);
    }

    [Fact]
    public void VelaCompiledModelIsReportedAsCompiled()
    {
        var model = TfliteModel.Load(Data("person_detect_vela.tflite"));
        Assert.Equal(268648, model.StoredWeightBytes);
        Assert.Equal(0, model.Build(model.DefaultResolution, 1).Macs);
        Assert.Contains(model.Notes, n => n.Contains("already compiled by Vela") && n.Contains("260480 bytes"));
    }

    [SelfieSegmentationFact]
    public void MediaPipeSelfieSegmentationMatchesTheIndependentCount()
    {
        var model = TfliteModel.Load(SelfieSegmentationFactAttribute.Path!);
        var net = model.Build(model.DefaultResolution, 1);
        Assert.Equal(new FitCheck.Graph.Resolution(256, 256), model.DefaultResolution);
        Assert.Equal(106401, net.Parameters);
        Assert.Equal(59215744, net.Macs);
        Assert.Equal(212826, model.StoredWeightBytes);
        Assert.Equal(Precision.Fp32, model.NativePrecision);
        Assert.Equal(Precision.Fp16, model.WeightPrecision);
    }
}

/// <summary>
/// Runs when MediaPipe's selfie_segmentation.tflite is in the cache or `npm pack @mediapipe/selfie_segmentation`
/// can fetch it (never installed: the tarball is unpacked in memory); otherwise the test is skipped, with the reason shown.
/// </summary>
public sealed class SelfieSegmentationFactAttribute : FactAttribute
{
    private static readonly Lazy<(string? Path, string? Why)> Model = new(Fetch);

    public SelfieSegmentationFactAttribute()
    {
        if (Model.Value.Path is null)
        {
            Skip = Model.Value.Why;
        }
    }

    public static string? Path => Model.Value.Path;

    private static (string?, string?) Fetch()
    {
        var cache = Environment.GetEnvironmentVariable("FITCHECK_TEST_CACHE")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "fitcheck-tests");
        var target = System.IO.Path.Combine(cache, "selfie_segmentation.tflite");
        if (File.Exists(target))
        {
            return (target, null);
        }

        try
        {
            Directory.CreateDirectory(cache);
            var npm = Process.Start(new ProcessStartInfo("npm", "pack @mediapipe/selfie_segmentation --silent")
            {
                WorkingDirectory = cache,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (npm is null)
            {
                return (null, "offline: npm is not available to fetch @mediapipe/selfie_segmentation");
            }

            if (!npm.WaitForExit(TimeSpan.FromSeconds(120)) || npm.ExitCode != 0)
            {
                npm.Kill(entireProcessTree: true);
                return (null, "offline: `npm pack @mediapipe/selfie_segmentation` failed or timed out");
            }

            var tgz = npm.StandardOutput.ReadToEnd().Trim().Split('\n').Last().Trim();
            using (var gzip = new GZipStream(File.OpenRead(System.IO.Path.Combine(cache, tgz)), CompressionMode.Decompress))
            using (var tar = new TarReader(gzip))
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.Name == "package/selfie_segmentation.tflite")
                    {
                        entry.ExtractToFile(target, overwrite: true);
                    }
                }
            }

            File.Delete(System.IO.Path.Combine(cache, tgz));
            return File.Exists(target) ? (target, null) : (null, "the npm package holds no selfie_segmentation.tflite");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return (null, $"offline: cannot fetch @mediapipe/selfie_segmentation ({e.Message})");
        }
    }
}
