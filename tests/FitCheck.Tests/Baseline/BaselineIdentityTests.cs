using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Baseline;

/// <summary>
/// Through the real CLI: a deployment is its model on its accelerator, so raising the resolution (or changing
/// precision or batch) is a change of it with every figure shown was → now, judged against the growth budget.
/// </summary>
public sealed class BaselineIdentityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-identity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Manifest(string resolution, string precision = "int8", int batch = 1) => File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), $"""
        version: 1
        accelerators:
          - name: npu
            compute: 4 TOPS
            memory:
              - name: sram
                size: 64 MiB
                bandwidth: 100 GB/s
        models:
          - source: zoo:resnet50
            resolutions: [{resolution}]
            precision: {precision}
            batch: {batch}
            deploy: [npu]
        """);

    private CliRunner.Result Compare(string resolution, string precision = "int8", int batch = 1)
    {
        Manifest("224x224");
        Assert.Equal(0, CliRunner.Run(_dir, "check", "--format", "json", "--output", "base.json").ExitCode);
        Manifest(resolution, precision, batch);
        return CliRunner.Run(_dir, "check", "--baseline", "base.json", "--max-growth", "5%", "--report", "md=r.md");
    }

    [Fact]
    public void ARaisedResolutionIsAChangeOfTheDeploymentNotAnAdditionAndFailsTheBudget()
    {
        var r = Compare("256x256");

        Assert.Equal(1, r.ExitCode);
        // ResNet-50's largest activation pair scales with the pixel count: (256/224)^2 = 1.31.
        Assert.Matches(@"~ resnet50@256x256 on npu \(224x224→256x256\): activations 1\.8 MB → 2\.4 MB, \+3\d %", r.Out);
        Assert.DoesNotContain("(added)", r.Out);
        Assert.DoesNotContain("(removed)", r.Out);
        Assert.Matches(@"✗ resnet50 256x256 on npu: activations 1\.8 MB → 2\.4 MB, \+3\d % grows more than the 5 % budget against base.json", r.Out);
        var md = File.ReadAllText(Path.Combine(_dir, "r.md"));
        Assert.Matches(@"\| resnet50@256x256 on npu \(224x224→256x256\) \| ±0 \| 1\.8 MB → 2\.4 MB, \+3\d % ❌ \|", md);
    }

    [Fact]
    public void APrecisionChangeIsNamedAndEveryFigureShowsWasAndNow()
    {
        var r = Compare("224x224", precision: "fp16");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("~ resnet50@224x224 on npu (int8→fp16): weights ", r.Out);
        Assert.Matches(@"weights \d+\.\d MB → \d+\.\d MB, \+\d+ %", r.Out);
    }

    [Fact]
    public void ABatchChangeIsNamed()
    {
        var r = Compare("224x224", batch: 2);

        Assert.Contains("(batch 1→2)", r.Out);
    }
}
