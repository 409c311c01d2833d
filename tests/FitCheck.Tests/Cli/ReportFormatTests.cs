using System.Text.Json;
using FitCheck.Reports;

namespace FitCheck.Tests.Cli;

/// <summary>
/// The report-format registry through the real CLI: each command accepts the formats that can render its
/// report, refuses the others (exit 2, FC0607, the accepted list in the hint) and names them in its help.
/// </summary>
public sealed class ReportFormatTests : IDisposable
{
    private static string Root => CliRunner.RepoRoot;

    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("sarif")]
    [InlineData("md")]
    [InlineData("markdown")]
    [InlineData("junit")]
    [InlineData("csv")]
    public void ExplainRefusesAFormatItCannotWrite(string format)
    {
        var r = CliRunner.Run(Root, "explain", "zoo:resnet50", "-a", "inferx-x1", "-r", "224", "--format", format);
        CliRunner.AssertCleanInputError(r, "FC0607");
        Assert.Equal("", r.Out);
        Assert.Contains("hint: use --format with one of the formats explain writes: console, json", r.Error);
    }

    [Fact]
    public void ExplainWritesItsJsonToOutput()
    {
        var file = Path.Combine(_dir, "explain.json");
        var r = CliRunner.Run(Root, "explain", "zoo:resnet50", "-a", "inferx-x1", "-r", "224", "--format", "json", "--output", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Out);
        var stdout = CliRunner.Run(Root, "explain", "zoo:resnet50", "-a", "inferx-x1", "-r", "224", "--format", "json").Out;
        Assert.Equal(stdout, File.ReadAllText(file));
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("inferx-x1", doc.RootElement.GetProperty("accelerator").GetString());
    }

    [Theory]
    [InlineData("check examples/seed/fitcheck.yml --format csv", "check", "console, json, md, junit, sarif")]
    [InlineData("check examples/seed/fitcheck.yml --report csv=x.csv", "check", "console, json, md, junit, sarif")]
    [InlineData("analyze zoo:resnet50 --format csv", "analyze", "console, json, md, junit, sarif")]
    [InlineData("sweep zoo:resnet50 --format sarif", "sweep", "console, json, csv")]
    [InlineData("advise zoo:resnet50 -a inferx-x1 --max-resolution --format md", "advise", "console, json")]
    public void EveryCommandRefusesWhatItCannotRender(string args, string command, string accepted)
    {
        var r = CliRunner.Run(Root, args.Split(' '));
        CliRunner.AssertCleanInputError(r, "FC0607");
        Assert.Equal("", r.Out);
        Assert.Contains($"formats {command} writes: {accepted}", r.Error);
    }

    [Fact]
    public void AMistypedFormatGetsADidYouMean()
    {
        var r = CliRunner.Run(Root, "check", "examples/seed/fitcheck.yml", "--format", "sarf");
        CliRunner.AssertCleanInputError(r, "FC0002");
        Assert.Contains("unknown format 'sarf'; did you mean 'sarif'?", r.Error);
    }

    [Fact]
    public void ASweepWritesCsvToOutputAndAcceptsTableAsTheConsole()
    {
        var file = Path.Combine(_dir, "sweep.csv");
        var r = CliRunner.Run(Root, "sweep", "zoo:resnet50", "-r", "224,448", "--format", "csv", "-o", file);
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(file);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("model,width,height", lines[0]);
        Assert.Equal(0, CliRunner.Run(Root, "sweep", "zoo:resnet50", "-r", "224", "--format", "table").ExitCode);
    }

    [Theory]
    [InlineData("explain", "console (a table; the default) or json (the versioned contract)")]
    [InlineData("sweep", "console (a table; the default), json (the versioned contract) or csv (one row per point)")]
    public void HelpListsTheFormatsACommandWrites(string command, string listed)
    {
        var r = CliRunner.Run(Root, command, "--help");
        Assert.Contains(listed, r.Out.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryRowRendersSomethingAndNamesAreUnique()
    {
        var names = ReportFormats.All.SelectMany(f => f.Aliases.Prepend(f.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var f in ReportFormats.All)
        {
            Assert.True(Enum.GetValues<ReportKind>().Any(f.Renders), $"{f.Name} renders nothing");
            Assert.Equal(f.Name != "console", f.MachineReadable);
        }
    }

    [Fact]
    public void MarkdownGivesACapacityPercentageOnlyWhenItIsAUsage()
    {
        // ResNet-50 int8 needs 27.6 MB (25.6 MB weights + 1.8 MB arena + 189.4 kB code) against 1.0 MB on chip:
        // weights stream from DRAM and the gates pass, so "(2633 %)" of the chip would be a false alarm.
        var md = CliRunner.Run(Root, "check", "examples/failing/fitcheck.yml", "--format", "md").Out;
        Assert.Contains("| 27.6 MB / 1.0 MB on chip |", md);
        Assert.DoesNotContain("2633", md);

        File.WriteAllText(Path.Combine(_dir, "fitcheck.yml"), """
            version: 1
            accelerators:
              - name: big
                compute: 4 TOPS
                memory:
                  - name: sram
                    kind: sram
                    size: 64 MB
                    bandwidth: 100 GB/s
            models:
              - source: zoo:resnet50
                resolutions: [224x224]
                deploy: [big]
            """);

        // All of it on chip: 27,608,928 B of 64,000,000 B is a usage, 43 %.
        var fits = CliRunner.Run(_dir, "check", "fitcheck.yml", "--format", "md");
        Assert.Equal(0, fits.ExitCode);
        Assert.Contains("| 27.6 MB / 64.0 MB on chip (43 %) |", fits.Out);
    }
}
