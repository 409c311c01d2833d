using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Manifest;

/// <summary>
/// `check` never guesses a precision silently: a manifest model that states none, from a source that has none of
/// its own (a zoo model, a Darknet cfg), is evaluated at int8 with a located warning; stating one, or a model file
/// whose tensors carry their own, gives none. A warning changes no verdict.
/// </summary>
public sealed class PrecisionAssumedTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-precision-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CliRunner.Result Check(string? precision)
    {
        var yaml = $"""
            version: 1
            accelerators:
              - name: npu
                compute: 4 TOPS
                memory:
                  - name: sram
                    kind: sram
                    size: 64 MiB
                    bandwidth: 100 GB/s
            models:
              - source: zoo:mobilenet-v2
                resolutions: [224x224]
                deploy: [npu]
            {(precision is null ? "" : $"    precision: {precision}\n")}
            """;
        File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), yaml);
        return CliRunner.Run(_dir, "check", "fitcheck.yml", "--format", "json");
    }

    [Fact]
    public void AnUnstatedPrecisionIsAssumedInt8WithALocatedWarning()
    {
        var r = Check(precision: null);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("fitcheck.yml(11,5): warning FC0209: model 'mobilenet-v2' states no precision and its source has none of its own: int8 assumed", r.Error);
        Assert.Contains("hint: add `precision: int8`", r.Error);

        // The figures are int8's: the same as stating it.
        var stated = Check("int8");
        Assert.Equal(stated.Out, r.Out);
    }

    [Theory]
    [InlineData("int8")]
    [InlineData("fp16")]
    public void AStatedPrecisionGivesNoWarning(string precision)
    {
        var r = Check(precision);

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("FC0209", r.Error);
    }
}
