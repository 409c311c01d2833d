using System.Diagnostics;
using System.Text.RegularExpressions;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Action;

/// <summary>
/// `fitcheck-action.sh install` with a fake `dotnet` that logs what it is asked: the Action installs the
/// tool at its own version with --tool-path, and builds it from its own checkout when the feed fails or the
/// ref is unreleased. The real install is exercised by .ci/run.
/// </summary>
public sealed partial class ActionInstallTests : IDisposable
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        # Logs its arguments; `tool install` without --add-source fails when FAKE_NUGET_DOWN=1, and a
        # successful one drops an executable dotnet-fitcheck into the --tool-path folder.
        printf '%s\n' "$*" >>"$FAKE_LOG/dotnet.args"
        if [ "$1 $2" = "tool install" ]; then
          dir="" source=""
          while [ $# -gt 0 ]; do
            case "$1" in
              --tool-path) dir="$2"; shift 2 ;;
              --add-source) source="$2"; shift 2 ;;
              *) shift ;;
            esac
          done
          if [ -z "$source" ] && [ "${FAKE_NUGET_DOWN:-0}" = 1 ]; then
            echo "error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json." >&2
            exit 1
          fi
          mkdir -p "$dir"
          printf '#!/bin/sh\n' >"$dir/dotnet-fitcheck"
          chmod +x "$dir/dotnet-fitcheck"
        fi
        exit 0
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck install ").FullName;

    public ActionInstallTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "bin"));
        Directory.CreateDirectory(Path.Combine(_dir, "log"));
        File.WriteAllText(Path.Combine(_dir, "bin", "dotnet"), FakeDotnet.Replace("\r", "", StringComparison.Ordinal) + "\n");
        ActionScriptTests.MakeExecutable(Path.Combine(_dir, "bin", "dotnet"));
        File.WriteAllText(Path.Combine(_dir, "env.txt"), "");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ToolDir => Path.Combine(_dir, "runner temp", "fitcheck-tool");

    [Theory]
    [InlineData("v1.4.2", "--version 1.4.2")]
    [InlineData("v1", "--version 1.*")]
    [InlineData("v1.4", "--version 1.4.*")]
    public void AReleasedRefInstallsThatVersionFromTheFeed(string actionRef, string version)
    {
        var run = Run(new() { ["GITHUB_ACTION_REF"] = actionRef });

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal([$"tool install FitCheck --tool-path {ToolDir} {version}"], Calls());
        Assert.Equal($"FITCHECK_COMMAND={ToolDir}/dotnet-fitcheck", File.ReadAllText(Path.Combine(_dir, "env.txt")).TrimEnd());
    }

    [Fact]
    public void WhenTheFeedFailsTheToolIsBuiltFromTheActionsCheckout()
    {
        var run = Run(new() { ["GITHUB_ACTION_REF"] = "v1", ["FAKE_NUGET_DOWN"] = "1" });

        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("::warning title=FitCheck install::FitCheck 1.* could not be installed from the NuGet feed", run.Error);
        var calls = Calls();
        Assert.Equal(3, calls.Length);
        var pack = PackCall().Match(calls[1]);
        Assert.True(pack.Success, calls[1]);
        Assert.Equal(RepoPaths.Of("src", "FitCheck.Cli", "FitCheck.Cli.csproj"), pack.Groups["project"].Value);
        Assert.Equal($"tool install FitCheck --tool-path {ToolDir} --version {pack.Groups["version"].Value} --add-source {pack.Groups["feed"].Value}", calls[2]);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("")]
    public void AnUnreleasedRefIsBuiltWithoutAskingTheFeed(string actionRef)
    {
        var run = Run(new() { ["GITHUB_ACTION_REF"] = actionRef });

        Assert.True(run.Exit == 0, run.Error);
        var calls = Calls();
        Assert.Equal(2, calls.Length);
        Assert.Matches(PackCall(), calls[0]);
    }

    [Fact]
    public void InstallBuildAlwaysBuilds()
    {
        Run(new() { ["GITHUB_ACTION_REF"] = "v1.4.2", ["FITCHECK_INSTALL"] = "build" });
        Assert.Matches(PackCall(), Calls()[0]);
    }

    [Fact]
    public void ACachedToolIsUsedAsItIs()
    {
        Directory.CreateDirectory(ToolDir);
        File.WriteAllText(Path.Combine(ToolDir, "dotnet-fitcheck"), "#!/bin/sh\n");
        ActionScriptTests.MakeExecutable(Path.Combine(ToolDir, "dotnet-fitcheck"));

        var run = Run(new() { ["GITHUB_ACTION_REF"] = "v1" });

        Assert.True(run.Exit == 0, run.Error);
        Assert.Empty(Calls());
        Assert.Contains("restored from the cache", run.Error);
    }

    [Fact]
    public void TheCacheKeyFollowsTheVersionAndTheSources()
    {
        var v1 = Run(new() { ["GITHUB_ACTION_REF"] = "v1" }, "cache-key").Output.Trim();
        var v2 = Run(new() { ["GITHUB_ACTION_REF"] = "v2" }, "cache-key").Output.Trim();
        var branch = Run(new() { ["GITHUB_ACTION_REF"] = "main" }, "cache-key").Output.Trim();

        Assert.Matches(@"^fitcheck-tool-Linux-X64-1\.\*-\d+$", v1);
        Assert.Matches(@"^fitcheck-tool-Linux-X64-source-\d+$", branch);
        Assert.NotEqual(v1, v2);
        Assert.Equal(v1.Split('-')[^1], branch.Split('-')[^1]);
    }

    private string[] Calls() =>
        File.Exists(Path.Combine(_dir, "log", "dotnet.args")) ? File.ReadAllLines(Path.Combine(_dir, "log", "dotnet.args")) : [];

    [GeneratedRegex(@"^pack (?<project>.+) -c Release -o (?<feed>.+) -p:Version=(?<version>0\.0\.0-action\.\d+) -nologo -v:quiet$")]
    private static partial Regex PackCall();

    private (int Exit, string Output, string Error) Run(Dictionary<string, string> env, string verb = "install")
    {
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        psi.ArgumentList.Add(RepoPaths.Of("scripts", "fitcheck-action.sh"));
        psi.ArgumentList.Add(verb);
        psi.Environment.Clear();
        psi.Environment["PATH"] = Path.Combine(_dir, "bin") + ":/usr/bin:/bin";
        psi.Environment["HOME"] = _dir;
        psi.Environment["RUNNER_TEMP"] = Path.Combine(_dir, "runner temp");
        psi.Environment["RUNNER_OS"] = "Linux";
        psi.Environment["RUNNER_ARCH"] = "X64";
        psi.Environment["GITHUB_ENV"] = Path.Combine(_dir, "env.txt");
        psi.Environment["FAKE_LOG"] = Path.Combine(_dir, "log");
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "install did not end within 60 s");
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
