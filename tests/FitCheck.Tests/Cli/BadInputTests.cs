namespace FitCheck.Tests.Cli;

/// <summary>Every class of bad input, through the real entry point: exit 2, a located FC diagnostic, no stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Accelerator = """
        accelerators:
          - name: npu
            compute: 4 TOPS
            memory:
              - name: sram
                size: 8 MiB
                bandwidth: 100 GB/s
        """;

    private CliRunner.Result Check(string yaml)
    {
        File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), yaml);
        return CliRunner.Run(_dir, "check", "fitcheck.yml");
    }

    // Lines: 1 version, 2-8 the accelerator (ACC), 9 models:, 10 the model's first key, 11 its second.
    [Theory]
    [InlineData("malformed", "version: 1\naccelerators: [\n", 0)]
    [InlineData("unknown key", "version: 1\nACC\nmodels:\n  - source: zoo:resnet50\n    deploy: [npu]\n    resolutionz: [224x224]\n", 12)]
    [InlineData("missing key", "version: 1\nACC\nmodels:\n  - deploy: [npu]\n", 0)]
    [InlineData("number without unit", "version: 1\naccelerators:\n  - name: npu\n    compute: 4 TOPS\n    memory:\n      - name: sram\n        size: 8388608\n        bandwidth: 100 GB/s\nmodels:\n  - source: zoo:resnet50\n    deploy: [npu]\n", 7)]
    [InlineData("zero size", "version: 1\naccelerators:\n  - name: npu\n    compute: 4 TOPS\n    memory:\n      - name: sram\n        size: 0 MiB\n        bandwidth: 100 GB/s\nmodels:\n  - source: zoo:resnet50\n    deploy: [npu]\n", 7)]
    [InlineData("negative size", "version: 1\naccelerators:\n  - name: npu\n    compute: 4 TOPS\n    memory:\n      - name: sram\n        size: -8 MiB\n        bandwidth: 100 GB/s\nmodels:\n  - source: zoo:resnet50\n    deploy: [npu]\n", 7)]
    [InlineData("unknown zoo model", "version: 1\nACC\nmodels:\n  - source: zoo:resnet51\n    deploy: [npu]\n", 10)]
    [InlineData("undeclared accelerator", "version: 1\nACC\nmodels:\n  - source: zoo:resnet50\n    deploy: [nup]\n", 11)]
    [InlineData("invalid resolution", "version: 1\nACC\nmodels:\n  - source: zoo:yolov3\n    resolutions: [600x600]\n    deploy: [npu]\n", 11)]
    [InlineData("resolution syntax", "version: 1\nACC\nmodels:\n  - source: zoo:yolov3\n    resolutions: [big]\n    deploy: [npu]\n", 11)]
    [InlineData("empty manifest", "", 0)]
    [InlineData("comments only", "# nothing here\n", 0)]
    [InlineData("absurd resolution", "version: 1\nACC\nmodels:\n  - source: zoo:yolov3\n    resolutions: [65536000x65536000]\n    deploy: [npu]\n", 11)]
    public void IsAnInputErrorWithALocation(string name, string yaml, int line)
    {
        var text = yaml.Replace("ACC\n", Accelerator + "\n");
        var r = Check(text);
        CliRunner.AssertCleanInputError(r);
        Assert.Contains("fitcheck.yml(", r.Error);
        Assert.Contains("hint:", r.Error);
        if (line > 0)
        {
            Assert.Contains($"fitcheck.yml({line},", r.Error);
        }

        Assert.True(name.Length > 0);
    }

    [Fact]
    public void UnknownKeysGetADidYouMean()
    {
        var r = Check("version: 1\n" + Accelerator + "\nmodels:\n  - source: zoo:resnet50\n    deploy: [npu]\n    resolutionz: [224x224]\n");
        CliRunner.AssertCleanInputError(r);
        Assert.Contains("resolutions", r.Error);
    }

    [Fact]
    public void AnUnknownZooModelSuggestsTheClosest()
    {
        var r = Check("version: 1\n" + Accelerator + "\nmodels:\n  - source: zoo:resnet51\n    deploy: [npu]\n");
        Assert.Contains("resnet50", r.Error);
        Assert.Contains("error FC0201", r.Error);
    }

    [Fact]
    public void AnInvalidResolutionNamesTheNearestValidSizes()
    {
        var r = Check("version: 1\n" + Accelerator + "\nmodels:\n  - source: zoo:yolov3\n    resolutions: [600x600]\n    deploy: [npu]\n");
        Assert.Contains("576x576", r.Error);
        Assert.Contains("608x608", r.Error);
    }

    [Fact]
    public void AValidManifestPassesWithExitZero()
    {
        var withDram = Accelerator + "\n      - name: dram\n        size: 1 GiB\n        bandwidth: 10 GB/s";
        var r = Check("version: 1\n" + withDram + "\nmodels:\n  - source: zoo:resnet50\n    deploy: [npu]\n    gates:\n      activations: on-chip\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("pass", r.Out);
    }

    [Fact]
    public void WeightsWithNowhereToLiveFailEvenWhenOnlyActivationsAreGated()
    {
        // 8 MiB of SRAM and no DRAM: the 1.8 MB arena fits on chip, ResNet-50's 25.6 MB of weights fit nowhere.
        var r = Check("version: 1\n" + Accelerator + "\nmodels:\n  - source: zoo:resnet50\n    deploy: [npu]\n    gates:\n      activations: on-chip\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the model does not fit npu", r.Out);
    }
}
