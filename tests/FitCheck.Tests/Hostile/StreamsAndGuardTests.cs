using System.Diagnostics;
using FitCheck.Cli;
using FitCheck.Tests.Corpus;

namespace FitCheck.Tests.Hostile;

/// <summary>
/// Exit codes hold when the standard streams are closed; the top-level guard turns a bug into FC0000 and
/// exit 3 without a stack trace (details behind --verbose). The closed-stream cases run the real tool in a
/// shell, because only a real process has a descriptor to close.
/// </summary>
public sealed class StreamsAndGuardTests
{
    [Fact]
    public void ADiagnosticThatCannotBeWrittenKeepsExitTwo()
    {
        var r = FitCheckApp.Run(["check", "nope.yml"], new CliContext(new SafeWriter(new Broken()), new SafeWriter(new Broken()), Path.GetTempPath(), _ => null));
        Assert.Equal(2, r);
    }

    [Fact]
    public void AReportThatCannotBeWrittenKeepsTheVerdict()
    {
        var dir = Directory.CreateTempSubdirectory("fitcheck-streams-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "fitcheck.yml"), GeneratedCorpus.Base);
            Assert.Equal(0, FitCheckApp.Run(["check", "fitcheck.yml"], new CliContext(new SafeWriter(new Broken()), new SafeWriter(new Broken()), dir, _ => null)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ABugBecomesFC0000AndExitThreeWithoutAStackTrace()
    {
        var error = new StringWriter();
        var code = FitCheckApp.Run(["zoo"], new CliContext(new Throwing(), error, Path.GetTempPath(), _ => null));
        Assert.Equal(3, code);
        Assert.StartsWith("fitcheck: error FC0000: internal error (InvalidOperationException)", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());

        var verbose = new StringWriter();
        Assert.Equal(3, FitCheckApp.Run(["zoo", "--verbose"], new CliContext(new Throwing(), verbose, Path.GetTempPath(), _ => null)));
        Assert.Contains("   at ", verbose.ToString());
    }

    [Theory]
    [InlineData("closed stdin", "check /dev/stdin <&-", 2, "FC0006")]
    [InlineData("closed stderr", "check nope.yml 2>&-", 2, null)]
    [InlineData("closed stdout and stderr on a passing manifest", "check fitcheck.yml >&- 2>&-", 0, null)]
    [InlineData("closed stdout on a failing gate", "check failing.yml >&-", 1, null)]
    [InlineData("deleted working directory", "check fitcheck.yml", 2, "FC0007")]
    public async Task ExitCodesHoldInARealProcess(string name, string command, int expected, string? id)
    {
        var dir = Directory.CreateTempSubdirectory("fitcheck-streams-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "fitcheck.yml"), GeneratedCorpus.Base);
            File.WriteAllText(Path.Combine(dir, "failing.yml"), GeneratedCorpus.Base.Replace("size: 8 MiB", "size: 1 MiB", StringComparison.Ordinal));
            var cd = name.StartsWith("deleted", StringComparison.Ordinal) ? "mkdir gone && cd gone && rmdir ../gone && " : "";
            var dll = typeof(FitCheckApp).Assembly.Location;
            var psi = new ProcessStartInfo("sh", ["-c", $"{cd}exec timeout 30 dotnet \"$0\" {command}", dll])
            {
                WorkingDirectory = dir,
                RedirectStandardError = !command.Contains("2>&-", StringComparison.Ordinal),
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            var error = psi.RedirectStandardError ? p.StandardError.ReadToEndAsync() : Task.FromResult("");
            await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            var stderr = await error;
            Assert.True(expected == p.ExitCode, $"{name}: exit {p.ExitCode}\n{stderr}");
            Assert.DoesNotContain("   at ", stderr);
            if (id is not null)
            {
                Assert.Contains($"error {id}:", stderr);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed class Broken : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Bad file descriptor");

        public override void Write(string? value) => throw new IOException("Bad file descriptor");

        public override void WriteLine(string? value) => throw new IOException("Bad file descriptor");
    }

    private sealed class Throwing : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("a bug");

        public override void Write(string? value) => throw new InvalidOperationException("a bug");
    }
}
