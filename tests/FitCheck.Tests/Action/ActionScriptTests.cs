using System.Diagnostics;
using System.Text.Json;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Action;

/// <summary>
/// Runs scripts/fitcheck-action.sh end to end against a fake GitHub environment: temp step summary, output
/// file and pull_request event, a fake fitcheck (FITCHECK_COMMAND) and a fake curl on PATH that records the
/// requests it would send to the REST API. Needs bash, jq and git, as GitHub's runners have.
/// </summary>
public sealed class ActionScriptTests : IDisposable
{
    private const string Api = "https://api.example.test";
    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck-action-").FullName;

    public ActionScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "bin"));
        Directory.CreateDirectory(Path.Combine(_dir, "log"));
        File.Copy(Data("fake-curl.sh"), Path.Combine(_dir, "bin", "curl"));
        File.WriteAllText(Path.Combine(_dir, "summary.md"), "");
        File.WriteAllText(Path.Combine(_dir, "output.txt"), "");
        File.WriteAllText(Path.Combine(_dir, "comments.json"), "[]");
        Event("""{ "action": "synchronize", "pull_request": { "number": 7 } }""");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_dir, "bin", "curl"), (UnixFileMode)0b111_101_101);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "reports");

    private const string Markdown =
        "<!-- fitcheck-report -->\n## ❌ FitCheck: 1 of 1 deployment fails\n\n| model | gates |\n|:--|:--|\n| resnet50 | ❌ activations-fit |\n";

    [Fact]
    public void APullRequestWithAnEarlierCommentUpdatesThatComment()
    {
        File.WriteAllText(Path.Combine(_dir, "comments.json"),
            """[ { "id": 11, "body": "LGTM" }, { "id": 42, "body": "<!-- fitcheck-report -->\n## old report" } ]""");
        var run = Run("run", new() { ["FITCHECK_REPORTS"] = "junit, sarif" });

        Assert.Equal(0, run.Exit);
        Assert.Equal(Markdown, File.ReadAllText(Path.Combine(_dir, "summary.md")));
        Assert.Equal(
            [
                "verdict=fail",
                "exit-code=1",
                $"report-json={Out}/fitcheck.json",
                $"report-markdown={Out}/fitcheck.md",
                $"sarif={Out}/fitcheck.sarif",
            ],
            File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.Equal(
            $"check examples/app/fitcheck.yml --report json={Out}/fitcheck.json --report md={Out}/fitcheck.md "
            + $"--report junit={Out}/fitcheck.junit.xml --report sarif={Out}/fitcheck.sarif",
            File.ReadAllText(Log("fitcheck.args")).TrimEnd());
        Assert.Equal(
            [
                $"GET {Api}/repos/acme/widgets/issues/7/comments?per_page=100&page=1",
                $"PATCH {Api}/repos/acme/widgets/issues/comments/42",
            ],
            File.ReadAllLines(Log("curl.requests")));
        Assert.Equal(Markdown, PostedBody(2));
    }

    [Fact]
    public void APullRequestWithoutAnEarlierCommentCreatesOne()
    {
        File.WriteAllText(Path.Combine(_dir, "comments.json"), """[ { "id": 11, "body": "LGTM" } ]""");
        var run = Run("run", []);

        Assert.Equal(0, run.Exit);
        Assert.Equal($"POST {Api}/repos/acme/widgets/issues/7/comments", File.ReadAllLines(Log("curl.requests"))[1]);
        Assert.Equal(Markdown, PostedBody(2));
        Assert.Contains("sarif=", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
    }

    [Fact]
    public void APushWritesTheSummaryButNoComment()
    {
        Event("""{ "ref": "refs/heads/main" }""");
        var run = Run("run", []);

        Assert.Equal(0, run.Exit);
        Assert.Equal(Markdown, File.ReadAllText(Path.Combine(_dir, "summary.md")));
        Assert.False(File.Exists(Log("curl.requests")));
    }

    [Fact]
    public void CommentingCanBeTurnedOff()
    {
        Run("run", new() { ["FITCHECK_COMMENT"] = "false" });
        Assert.False(File.Exists(Log("curl.requests")));
    }

    [Fact]
    public void APassingCheckReportsPass()
    {
        Run("run", new() { ["FAKE_FITCHECK_EXIT"] = "0" });
        Assert.Contains("verdict=pass", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.Contains("exit-code=0", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
    }

    [Fact]
    public void BadInputIsAnErrorVerdictWithAnExplanationInTheSummary()
    {
        var run = Run("run", new() { ["FAKE_FITCHECK_EXIT"] = "2" });

        Assert.Equal(0, run.Exit);
        Assert.Contains("verdict=error", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.Contains("exit-code=2", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.StartsWith("## FitCheck could not check `examples/app/fitcheck.yml`", File.ReadAllText(Path.Combine(_dir, "summary.md")));
        Assert.False(File.Exists(Log("curl.requests")));
    }

    [Theory]
    [InlineData("0", 0, "")]
    [InlineData("1", 1, "::error title=FitCheck::a gate failed")]
    [InlineData("2", 2, "::error title=FitCheck::the check could not run (exit code 2)")]
    public void FinishFailsTheStepWhenTheGatesFail(string code, int exit, string message)
    {
        var run = Run("finish", new() { ["FITCHECK_EXIT_CODE"] = code });
        Assert.Equal(exit, run.Exit);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void ABaselineFileIsPassedOnWithTheGrowthBudget()
    {
        var baseline = Path.Combine(_dir, "old.json");
        File.WriteAllText(baseline, "{}");
        Run("run", new() { ["FITCHECK_BASELINE"] = baseline, ["FITCHECK_MAX_GROWTH"] = "5%" });
        Assert.EndsWith($"--baseline {baseline} --max-growth 5%", File.ReadAllText(Log("fitcheck.args")).TrimEnd());
    }

    [Fact]
    public void ABaselineGitRefIsCheckedOutAndCheckedToMakeTheBaseline()
    {
        var repo = Path.Combine(_dir, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "examples", "app"));
        File.WriteAllText(Path.Combine(repo, "examples", "app", "fitcheck.yml"), "version: 1\n");
        Git(repo, "init", "-q");
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "base");

        var run = Run("run", new() { ["FITCHECK_BASELINE"] = "HEAD" }, repo);
        Assert.True(run.Exit == 0, run.Error);

        Assert.Equal(0, run.Exit);
        var calls = File.ReadAllLines(Log("fitcheck.args"));
        Assert.Equal(2, calls.Length);
        Assert.Matches($"^check .*/examples/app/fitcheck.yml --format json --output {Out}/baseline-HEAD.json$", calls[0]);
        Assert.EndsWith($"--baseline {Out}/baseline-HEAD.json", calls[1]);
        // The temporary checkout of the ref is gone again.
        Assert.Single(Git(repo, "worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
    }

    [Fact]
    public void ABaselineThatIsNeitherFileNorRefIsAnError()
    {
        var run = Run("run", new() { ["FITCHECK_BASELINE"] = "no-such-ref-or-file" });
        Assert.Contains("verdict=error", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.Contains("neither a file nor a git ref", run.Error);
    }

    private void Event(string json) => File.WriteAllText(Path.Combine(_dir, "event.json"), json);

    private string Log(string name) => Path.Combine(_dir, "log", name);

    private string PostedBody(int request)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Log($"curl.body.{request}.json")));
        return doc.RootElement.GetProperty("body").GetString()!;
    }

    private static string Data(string name) => RepoPaths.Of("tests", "FitCheck.Tests", "Action", "Data", name);

    private (int Exit, string Output, string Error) Run(string verb, Dictionary<string, string> env, string? cwd = null)
    {
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = cwd ?? _dir,
        };
        psi.ArgumentList.Add(RepoPaths.Of("scripts", "fitcheck-action.sh"));
        psi.ArgumentList.Add(verb);
        // Only what a runner would set: nothing of the machine's own GitHub environment leaks in.
        psi.Environment.Clear();
        psi.Environment["PATH"] = Path.Combine(_dir, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["HOME"] = _dir;
        psi.Environment["GITHUB_ACTIONS"] = "true";
        psi.Environment["GITHUB_OUTPUT"] = Path.Combine(_dir, "output.txt");
        psi.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(_dir, "summary.md");
        psi.Environment["GITHUB_EVENT_PATH"] = Path.Combine(_dir, "event.json");
        psi.Environment["GITHUB_REPOSITORY"] = "acme/widgets";
        psi.Environment["GITHUB_API_URL"] = Api;
        psi.Environment["RUNNER_TEMP"] = _dir;
        psi.Environment["FITCHECK_MANIFEST"] = "examples/app/fitcheck.yml";
        psi.Environment["FITCHECK_OUTPUT_DIR"] = Out;
        psi.Environment["FITCHECK_COMMAND"] = "bash " + Data("fake-fitcheck.sh");
        psi.Environment["FITCHECK_COMMENT"] = "true";
        psi.Environment["FITCHECK_GITHUB_TOKEN"] = "fake-token";
        psi.Environment["FAKE_LOG"] = Path.Combine(_dir, "log");
        psi.Environment["FAKE_COMMENTS"] = Path.Combine(_dir, "comments.json");
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    private string Git(string repo, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HOME"] = _dir;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }
}
