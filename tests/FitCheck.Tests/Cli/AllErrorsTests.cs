namespace FitCheck.Tests.Cli;

/// <summary>
/// Every input error of a manifest in one run, in source order, each `file(line,col): error FCnnnn` with its
/// hint, exit 2; and a missing model file's hint names where it was looked for (from the manifest's folder).
/// </summary>
public sealed class AllErrorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-errors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string FourMistakes = """
        version: 1
        accelerators:
          - name: npu
            compute: 4 TOPS
            memory:
              - name: sram
                kind: sram
                size: 4 MB
                bandwidth: 100 GB/s
          - name: dsp
            compute: 2 TOPZ
            memory:
              - name: sram
                kind: sram
                size: 1 MB
                bandwidth: 10 GB/s
        models:
          - source: zoo:resnet50
            resolutions: [224x224]
            deploy: [npu]
            gates:
              activations: on-chip
            batchh: 2
          - source: zoo:yolov3
            resolutions: [608x60x]
            deploy: [npu, dsp]
          - source: zoo:resnet50
            name: second
            deploy: [nnpu]
        """;

    [Fact]
    public void FourMistakesAreReportedInOneRunInSourceOrder()
    {
        File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), FourMistakes);
        var r = CliRunner.Run(_dir, "check", "fitcheck.yml");
        CliRunner.AssertCleanInputError(r);
        Assert.Equal("", r.Out.Replace("Specify --help for a list of available options and commands.\n", "", StringComparison.Ordinal));

        var errors = r.Error.Split('\n').Where(l => l.Contains(": error FC", StringComparison.Ordinal)).ToList();
        var hints = r.Error.Split('\n').Count(l => l.StartsWith("  hint: ", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
        Assert.Equal(4, hints);

        // The bad compute (line 11), the unknown key (line 23), the bad resolution (line 25) and the unknown
        // deploy target (line 29); `dsp` is broken, so deploying to it is not reported a second time.
        Assert.StartsWith("fitcheck.yml(11,", errors[0]);
        Assert.StartsWith("fitcheck.yml(23,5): error FC", errors[1]);
        Assert.Contains("'batchh'", errors[1]);
        Assert.Contains("'batch'", errors[1]);
        Assert.StartsWith("fitcheck.yml(25,", errors[2]);
        Assert.Contains("608x60x", errors[2]);
        Assert.StartsWith("fitcheck.yml(29,", errors[3]);
        Assert.Contains("nnpu", errors[3]);
        Assert.DoesNotContain("'dsp'", string.Join('\n', errors.Skip(1)));
    }

    [Fact]
    public void ReadingStopsAtTwentyErrorsAndSaysSo()
    {
        var models = string.Concat(Enumerable.Range(0, 30).Select(i => $"  - source: zoo:resnet50\n    name: m{i}\n    deploy: [npu]\n    bogus{i}: 1\n"));
        File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), """
            version: 1
            accelerators:
              - name: npu
                compute: 4 TOPS
                memory:
                  - name: sram
                    kind: sram
                    size: 4 MB
                    bandwidth: 100 GB/s
            models:

            """ + models);
        var r = CliRunner.Run(_dir, "check", "fitcheck.yml");
        CliRunner.AssertCleanInputError(r, "FC0108");
        Assert.Equal(20, r.Error.Split('\n').Count(l => l.Contains(": error FC", StringComparison.Ordinal)));
        Assert.Contains("bogus0", r.Error);
        Assert.Contains("bogus19", r.Error);
        Assert.DoesNotContain("bogus20", r.Error);
        Assert.Contains("stopped after 20 errors", r.Error);
    }

    [Fact]
    public void MissingModelFilesAreAllReportedWithWhereTheyWereLookedFor()
    {
        var project = Directory.CreateDirectory(Path.Combine(_dir, "project")).FullName;
        File.WriteAllText(Path.Combine(project, "fitcheck.yml"), """
            version: 1
            accelerators:
              - name: npu
                compute: 4 TOPS
                memory:
                  - name: sram
                    kind: sram
                    size: 4 MB
                    bandwidth: 100 GB/s
            models:
              - source: models/detector.onnx
                deploy: [npu]
              - source: zoo:resnet50
                deploy: [npu]
              - source: ../other/classifier.tflite
                deploy: [npu]
            """);

        // Run from the parent folder: the paths resolve from the manifest's folder, not from here.
        var r = CliRunner.Run(_dir, "check", "project/fitcheck.yml");
        CliRunner.AssertCleanInputError(r, "FC0001");
        Assert.Contains("project/fitcheck.yml(11,13): error FC0001: file 'models/detector.onnx' does not exist", r.Error);
        Assert.Contains($"hint: looked for '{Path.Combine(project, "models", "detector.onnx")}': relative paths are resolved from the manifest's folder, '{project}'", r.Error);
        Assert.Contains("project/fitcheck.yml(15,13): error FC0001: file '../other/classifier.tflite' does not exist", r.Error);
        Assert.Contains($"looked for '{Path.Combine(_dir, "other", "classifier.tflite")}'", r.Error);
        Assert.DoesNotContain("current directory", r.Error);
    }

    [Fact]
    public void AMissingModelOnTheCommandLineIsLookedForFromTheCurrentDirectory()
    {
        var r = CliRunner.Run(_dir, "analyze", "nets/missing.onnx");
        CliRunner.AssertCleanInputError(r, "FC0001");
        Assert.Contains($"looked for '{Path.Combine(_dir, "nets", "missing.onnx")}': relative paths are resolved from the current directory", r.Error);
    }
}
