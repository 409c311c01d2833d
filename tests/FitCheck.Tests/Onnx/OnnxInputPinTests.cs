using FitCheck.Diagnostics;
using FitCheck.Manifest;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Onnx;

/// <summary>Pinning a dynamic dimension by name, from the manifest (`inputs:`) and the command line (`--input`).</summary>
public sealed class OnnxInputPinTests : IDisposable
{
    private readonly OnnxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>[N, samples] audio through a 400-tap, stride-160 conv with 8 filters: (samples - 400) / 160 + 1 frames.</summary>
    private string Audio() => _files.Write("audio.onnx", new OnnxWriter().Input("audio", "N", "samples").Int64s("axes", 1).Initializer("w", [8, 1, 400])
        .Node("Unsqueeze", ["audio", "axes"], ["u"], "/Unsqueeze").Node("Conv", ["u", "w"], ["y"], "/stft", OnnxAttr.Ints("strides", 160)).Output("y"));

    [Fact]
    public void TheManifestPinsADimensionByNameAndTheReportNeedsNoResolution()
    {
        var path = Audio();
        var manifest = Path.Combine(Path.GetDirectoryName(path)!, "fitcheck.yml");
        File.WriteAllText(manifest, """
            version: 1
            accelerators:
              - name: mcu
                compute: 1 TOPS
                memory:
                  - name: sram
                    size: 1 MiB
                    bandwidth: 10 GB/s
            models:
              - source: audio.onnx
                inputs: { samples: 8000 }
                deploy: [mcu]
            """);
        var report = ManifestCheck.Check(ManifestParser.ParseFile(manifest));
        var analysis = report.Results[0].Analysis;
        Assert.Equal(48L * 8 * 400, analysis.Network.Macs); // (8000 - 400) / 160 + 1 = 48 frames

        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("samples: 8000", "sampels: 8000", StringComparison.Ordinal));
        var ex = Assert.Throws<FitCheckException>(() => ManifestCheck.Check(ManifestParser.ParseFile(manifest)));
        Assert.Equal("FC0512", ex.Diagnostic.Id);
        Assert.NotNull(ex.Diagnostic.Location);
        Assert.Contains("did you mean 'samples'?", ex.Diagnostic.Message);
    }

    [Fact]
    public void TheCommandLinePinsWithInputAndRejectsAMalformedPin()
    {
        var path = Audio();
        var r = CliRunner.Run(Path.GetDirectoryName(path)!, "analyze", "audio.onnx", "--input", "samples=16000", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(FormattableString.Invariant($"\"macs\": {98L * 8 * 400}"), r.Out);

        var bad = CliRunner.Run(Path.GetDirectoryName(path)!, "analyze", "audio.onnx", "--input", "samples");
        CliRunner.AssertCleanInputError(bad);
        Assert.Contains("NAME=N", bad.Error);
    }
}
