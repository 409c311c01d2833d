using FitCheck.Graph;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Onnx;

/// <summary>An ONNX file's initializer type sets the precision unless the manifest or command line states one.</summary>
public sealed class OnnxPrecisionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-onnx-precision-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void WriteModel()
    {
        var b = new NetworkBuilder("tiny", 1, 3, 32, 32);
        b.Conv(b.Input, 8, 3, activation: "relu");
        NetworkToOnnx.Convert(b.Build()).Save(Path.Combine(_dir, "tiny.onnx"));
    }

    [Theory]
    [InlineData("", "fp32")]
    [InlineData("    precision: int8\n", "int8")]
    public void ManifestPrecisionWinsElseTheFileDecides(string precisionLine, string expected)
    {
        WriteModel();
        File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), $"""
            version: 1
            accelerators:
              - name: npu
                compute: 1 TOPS
                memory:
                  - name: sram
                    size: 8 MiB
                    bandwidth: 10 GB/s
            models:
              - source: tiny.onnx
                resolutions: [32x32]
                deploy: [npu]
            {precisionLine}
            """);
        var r = CliRunner.Run(_dir, "check", "fitcheck.yml", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"\"precision\": \"{expected}\"", r.Out);
        // 8 filters x 3 x 3 x 3 = 216 weights and 8 biases: fp32 4 B each, int8 1 B + int32 biases.
        Assert.Contains(expected == "fp32" ? "\"weightBytes\": 896" : "\"weightBytes\": 248", r.Out);
    }

    [Fact]
    public void AnalyzeUsesTheFilePrecisionByDefault()
    {
        WriteModel();
        var r = CliRunner.Run(_dir, "analyze", "tiny.onnx", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"precision\": \"fp32\"", r.Out);
    }
}
