using System.Text.Json;
using FitCheck.Tests.Cli;
using FitCheck.Tests.Corpus;

namespace FitCheck.Tests.Hostile;

/// <summary>
/// `--output` is written to a temporary file beside the target and renamed over it: 16 concurrent writers
/// and a reader polling the same path, and the reader only ever sees no file or a whole report.
/// </summary>
public sealed class AtomicOutputTests
{
    [Fact]
    public async Task SixteenWritersAndAReaderNeverShowAPartialReport()
    {
        var dir = Directory.CreateTempSubdirectory("fitcheck-atomic-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "fitcheck.yml"), GeneratedCorpus.Base);
            var target = Path.Combine(dir, "report.json");
            using var done = new CancellationTokenSource();
            var reads = 0;
            var partial = new List<string>();
            var reader = Task.Run(() =>
            {
                while (!done.IsCancellationRequested)
                {
                    string text;
                    try
                    {
                        text = File.ReadAllText(target);
                    }
                    catch (FileNotFoundException)
                    {
                        continue;
                    }

                    reads++;
                    try
                    {
                        using var doc = JsonDocument.Parse(text);
                        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
                    }
                    catch (JsonException)
                    {
                        partial.Add(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            });

            var writers = Enumerable.Range(0, 16)
                .Select(_ => Task.Run(() => CliRunner.Run(dir, "check", "fitcheck.yml", "--format", "json", "--output", "report.json")))
                .ToArray();
            var results = await Task.WhenAll(writers);
            await Task.Delay(20);
            await done.CancelAsync();
            await reader;

            Assert.All(results, r => Assert.Equal(0, r.ExitCode));
            Assert.True(reads > 0, "the reader never saw the report");
            Assert.True(partial.Count == 0, $"{partial.Count} of {reads} reads saw a partial report (lengths {string.Join(", ", partial.Take(5))})");
            Assert.Equal(["fitcheck.yml", "report.json"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AFailedWriteIsExitTwoWithThePathAndLeavesNoTemporaryFile()
    {
        var dir = Directory.CreateTempSubdirectory("fitcheck-atomic-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "fitcheck.yml"), GeneratedCorpus.Base);
            Directory.CreateDirectory(Path.Combine(dir, "out.json"));
            var r = CliRunner.Run(dir, "check", "fitcheck.yml", "--report", "json=out.json/x/../../out.json");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("error FC0008: cannot write 'out.json/x/../../out.json'", r.Error);
            Assert.Equal(["fitcheck.yml"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
