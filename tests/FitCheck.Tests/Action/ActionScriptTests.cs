using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FitCheck.Cli;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Action;

/// <summary>
/// Runs scripts/fitcheck-action.sh end to end as a runner would: a temp step summary, output file and
/// pull_request event, a fake fitcheck (FITCHECK_COMMAND) and the real curl against a fake GitHub API on
/// loopback (<see cref="FakeGitHubApi"/>). Everything lives under a folder with spaces in its name, and
/// PATH holds only the commands the script may use (no jq). Needs bash, curl and git, as runners have.
/// </summary>
public sealed class ActionScriptTests : IDisposable
{
    private static readonly string[] Commands =
        ["bash", "sh", "curl", "git", "awk", "sed", "tr", "grep", "head", "cat", "mktemp", "mkdir", "dirname", "rm", "find", "cksum", "sort", "sleep", "uname", "env"];

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly string _dir = Directory.CreateTempSubdirectory("fitcheck action ").FullName;

    public ActionScriptTests()
    {
        var bin = Path.Combine(_dir, "bin");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(Path.Combine(_dir, "log"));
        foreach (var command in Commands)
        {
            if (Which(command) is { } found)
            {
                File.CreateSymbolicLink(Path.Combine(bin, command), found);
            }
        }

        Directory.CreateDirectory(Path.Combine(_dir, "fake tools"));
        File.Copy(Data("fake-fitcheck.sh"), FakeFitCheck);
        MakeExecutable(FakeFitCheck);
        File.WriteAllText(Path.Combine(_dir, "summary.md"), "");
        File.WriteAllText(Path.Combine(_dir, "output.txt"), "");
        File.WriteAllText(Path.Combine(_dir, "report.md"), Markdown);
        Event("""{ "action": "synchronize", "number": 7, "pull_request": { "number": 7, "milestone": { "number": 3 } } }""");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FakeFitCheck => Path.Combine(_dir, "fake tools", "dotnet-fitcheck");

    private string Out => Path.Combine(_dir, "reports", "examples-app-fitcheck.yml");

    private const string Marker = "<!-- fitcheck-comment: examples-app-fitcheck.yml -->\n";

    private const string Markdown =
        "<!-- fitcheck-report -->\n## ❌ FitCheck: 1 of 1 deployment fails\n\n| model | gates |\n|:--|:--|\n| resnet50 \"a\\b\" | ❌ activations-fit |\n";

    [Fact]
    public void AWorkingApiGetsTheManifestsOwnCommentUpdated()
    {
        using var api = new FakeGitHubApi(ApiMode.Works);
        api.Comments.Add((11, "LGTM"));
        api.Comments.Add((12, "<!-- fitcheck-comment: other.yml -->\nanother manifest's report"));
        api.Comments.Add((42, Marker + "## old report"));
        var run = Run("run", api, new() { ["FITCHECK_REPORTS"] = "junit, sarif" });

        Assert.True(run.Exit == 0, run.Error);
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
        Assert.Equal(["GET /repos/acme/widgets/issues/7/comments?per_page=100&page=1", "PATCH /repos/acme/widgets/issues/comments/42"],
            api.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(Marker + Markdown, api.Comments.Single(c => c.Id == 42).Body);
        Assert.Equal(3, api.Comments.Count);
        Assert.DoesNotContain("::warning", run.Error);
    }

    [Fact]
    public void AWorkingApiWithoutAnEarlierCommentGetsOne()
    {
        using var api = new FakeGitHubApi(ApiMode.Works);
        api.Comments.Add((11, "LGTM"));
        var run = Run("run", api, []);

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal("POST /repos/acme/widgets/issues/7/comments", api.Requests.Select(r => $"{r.Method} {r.Path}").Last());
        Assert.Equal(Marker + Markdown, api.Comments[1].Body);
    }

    [Fact]
    public void ARefusedConnectionIsAWarningAndTheRunEndsAtOnce()
    {
        using var api = new FakeGitHubApi(ApiMode.Refused);
        var run = Run("run", api, []);

        Assert.Equal(0, run.Exit);
        Assert.Contains("verdict=fail", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.Contains("::warning title=FitCheck comment::could not read the pull request's comments (no answer from", run.Error);
        Assert.True(run.Took < TimeSpan.FromSeconds(20), $"took {run.Took}");
        Assert.Equal(Markdown, File.ReadAllText(Path.Combine(_dir, "summary.md")));
    }

    [Fact]
    public void A502HtmlPageIsAWarningAfterOneRequest()
    {
        using var api = new FakeGitHubApi(ApiMode.BadGatewayHtml);
        var run = Run("run", api, []);

        Assert.Equal(0, run.Exit);
        Assert.Contains("could not read the pull request's comments (HTTP 502: an HTML error page)", run.Error);
        Assert.Single(api.Requests);
    }

    [Fact]
    public void A150CommentThreadIsSearchedPageByPage()
    {
        using var api = new FakeGitHubApi(ApiMode.Works);
        for (var i = 0; i < 150; i++)
        {
            // Unrelated comments that quote the marker's words without being the marker, and a user id that must not be taken for the comment's.
            api.Comments.Add((100 + i, $"comment {i}: see fitcheck-comment docs, \"quoted\" \\ and {{braces}} [1]"));
        }

        var first = Run("run", api, []);
        Assert.True(first.Exit == 0, first.Error);
        Assert.Equal(
            [
                "GET /repos/acme/widgets/issues/7/comments?per_page=100&page=1",
                "GET /repos/acme/widgets/issues/7/comments?per_page=100&page=2",
                "POST /repos/acme/widgets/issues/7/comments",
            ],
            api.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(151, api.Comments.Count);

        // The next push finds that comment, the 151st, on page 2 and updates it.
        while (api.Requests.TryDequeue(out _))
        {
        }

        var second = Run("run", api, new() { ["FAKE_FITCHECK_EXIT"] = "0" });
        Assert.True(second.Exit == 0, second.Error);
        Assert.Equal(["GET", "GET", "PATCH"], api.Requests.Select(r => r.Method));
        Assert.EndsWith($"/issues/comments/{api.Comments[150].Id}", api.Requests.Last().Path);
        Assert.Equal(151, api.Comments.Count);
        Assert.True(first.Took + second.Took < Limit);
    }

    [Fact]
    public void AForksReadOnlyTokenIsAWarningNotAFailure()
    {
        using var api = new FakeGitHubApi(ApiMode.ForkReadOnly);
        var run = Run("run", api, []);

        Assert.Equal(0, run.Exit);
        Assert.Contains("verdict=fail", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.Contains("could not create the comment (HTTP 403: Resource not accessible by integration; a fork's token cannot write)", run.Error);
        Assert.Equal(["GET", "POST"], api.Requests.Select(r => r.Method));
    }

    [Fact]
    public void ABrokenManifestReplacesTheOldPassingComment()
    {
        using var api = new FakeGitHubApi(ApiMode.Works);
        api.Comments.Add((42, Marker + "## ✅ FitCheck: all 3 deployments pass"));
        var run = Run("run", api, new() { ["FAKE_FITCHECK_EXIT"] = "2" });

        Assert.Equal(0, run.Exit);
        Assert.Contains("verdict=error", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        var body = api.Comments.Single().Body;
        Assert.StartsWith(Marker + "## ⚠️ FitCheck could not check `examples/app/fitcheck.yml`", body);
        Assert.DoesNotContain("passes", body);
        Assert.Contains("fitcheck.yml(4,12): error FC0104: size \"8 MiBB\" has an unknown unit", body);
        Assert.StartsWith("## ⚠️ FitCheck could not check", File.ReadAllText(Path.Combine(_dir, "summary.md")));
        // The diagnostic still reaches the log.
        Assert.Contains("error FC0104", run.Error);
    }

    [Fact]
    public void AnOverlongReportIsCutAtARowWithAPointerToTheSummary()
    {
        var md = new StringBuilder("<!-- fitcheck-report -->\n## ❌ FitCheck\n\n<details><summary>passing</summary>\n\n| model | gates |\n|:--|:--|\n");
        for (var i = 0; md.Length < 100_000; i++)
        {
            md.Append($"| model-{i} | ✅ **weights-fit**: fits in bulk-sram with {i} bytes to spare |\n");
        }

        File.WriteAllText(Path.Combine(_dir, "report.md"), md.ToString());
        using var api = new FakeGitHubApi(ApiMode.Works);
        var run = Run("run", api, new() { ["GITHUB_RUN_ID"] = "99", ["GITHUB_SERVER_URL"] = "https://github.example.test" });

        Assert.True(run.Exit == 0, run.Error);
        var body = api.Comments.Single().Body;
        Assert.InRange(body.Length, 60_000, 65_535);
        var lines = body.TrimEnd('\n').Split('\n');
        var rows = lines.Where(l => l.StartsWith("| model-", StringComparison.Ordinal)).ToList();
        Assert.All(rows, r => Assert.EndsWith(" |", r));
        Assert.Contains("</details>", lines);
        Assert.EndsWith(
            "the full report is in the [job summary](https://github.example.test/acme/widgets/actions/runs/99).",
            lines[^1]);
        // The step summary keeps it all.
        Assert.Equal(md.ToString(), File.ReadAllText(Path.Combine(_dir, "summary.md")));
    }

    /// <summary>
    /// 4 models × 8 resolutions × 3 accelerators = 96 deployments, checked against a baseline in which every
    /// size was 20 % smaller and every rate 25 % higher: the real Markdown report, posted by the script.
    /// </summary>
    [Fact]
    public void A96DeploymentReportWithEveryFigureChangedFitsOneCommentWithEveryFailureAndDelta()
    {
        var manifest = Path.Combine(_dir, "big.yml");
        File.WriteAllText(manifest, BigManifest());
        Assert.Equal(1, Check("check", manifest, "--format", "json", "--output", Path.Combine(_dir, "base.json")));
        var baseline = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "base.json")))!;
        foreach (var r in baseline["results"]!.AsArray())
        {
            r!["weightBytes"] = (long)(r["weightBytes"]!.GetValue<long>() * 0.8);
            r["codeBytes"] = (long)(r["codeBytes"]!.GetValue<long>() * 0.8);
            r["activations"]!["peakBytes"] = (long)(r["activations"]!["peakBytes"]!.GetValue<long>() * 0.8);
            if (r["throughput"] is JsonObject t && t["fps"] is JsonValue fps)
            {
                t["fps"] = fps.GetValue<double>() * 1.25;
            }
        }

        File.WriteAllText(Path.Combine(_dir, "base.json"), baseline.ToJsonString());
        var md = Path.Combine(_dir, "report.md");
        var now = Path.Combine(_dir, "now.json");
        Assert.Equal(1, Check("check", manifest, "--baseline", Path.Combine(_dir, "base.json"), "--max-growth", "5%", "--report", $"md={md}", "--report", $"json={now}"));

        using var api = new FakeGitHubApi(ApiMode.Works);
        var run = Run("run", api, new() { ["GITHUB_RUN_ID"] = "99" });
        Assert.True(run.Exit == 0, run.Error);
        var body = api.Comments.Single().Body;
        Assert.True(body.Length < 65_536, $"{body.Length} characters");

        var results = JsonNode.Parse(File.ReadAllText(now))!["results"]!.AsArray();
        Assert.Equal(96, results.Count);
        var failures = 0;
        foreach (var r in results)
        {
            var key = $"{r!["model"]}@{r["resolution"]} on {r["accelerator"]}";
            // Every delta: the deployment's row in the comparison table, with its weights change.
            Assert.Matches($@"\| {System.Text.RegularExpressions.Regex.Escape(key)} \| [^|\n]*→", body);
            foreach (var gate in r["gates"]!.AsArray().Where(g => !g!["passed"]!.GetValue<bool>()))
            {
                failures++;
                if (gate!["name"]!.GetValue<string>() == "max-growth")
                {
                    // Shown figure by figure in the deployment's delta row, each marked ❌.
                    Assert.Matches($@"\| {System.Text.RegularExpressions.Regex.Escape(key)} \| [^\n]*❌", body);
                }
                else
                {
                    Assert.Contains($"❌ **{gate["name"]}**: {gate["message"]}", body);
                }
            }
        }

        Assert.InRange(failures, 100, 1000);
    }

    private static string BigManifest()
    {
        var yml = new StringBuilder("version: 1\naccelerators:\n");
        foreach (var (name, sram, dram) in new[] { ("small", "1 MiB", "1 GiB"), ("medium", "4 MiB", "4 GiB"), ("large", "16 MiB", "8 GiB") })
        {
            yml.Append(CultureInfo.InvariantCulture, $"  - name: {name}-npu\n    compute: 8 TOPS\n    memory:\n");
            yml.Append(CultureInfo.InvariantCulture, $"      - {{ name: sram, kind: sram, size: {sram}, bandwidth: 200 GB/s }}\n");
            yml.Append(CultureInfo.InvariantCulture, $"      - {{ name: dram, kind: dram, size: {dram}, bandwidth: 17 GB/s }}\n");
        }

        yml.Append("models:\n");
        foreach (var model in new[] { "resnet50", "yolov3", "mobilenet-v2", "yolov3-tiny" })
        {
            yml.Append(CultureInfo.InvariantCulture, $"  - source: zoo:{model}\n    precision: int8\n");
            yml.Append("    resolutions: [224x224, 256x256, 288x288, 320x320, 352x352, 384x384, 416x416, 448x448]\n");
            yml.Append("    deploy: [small-npu, medium-npu, large-npu]\n");
            yml.Append("    gates: { weights: anywhere, activations: on-chip, code: on-chip, headroom: 10%, minFps: 200 fps, maxWeights: 20 MB }\n");
        }

        return yml.ToString();
    }

    private int Check(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = FitCheckApp.Run(args, new CliContext(stdout, stderr, _dir, _ => null));
        Assert.True(exit <= 1, stderr.ToString());
        return exit;
    }

    [Fact]
    public void TwoManifestsInOneJobKeepTheirOwnReportsAndComments()
    {
        using var api = new FakeGitHubApi(ApiMode.Works);
        Run("run", api, []);
        Run("run", api, new() { ["FITCHECK_MANIFEST"] = "models/edge fitcheck.yml" });
        Run("run", api, []);

        Assert.True(File.Exists(Path.Combine(Out, "fitcheck.md")));
        Assert.True(File.Exists(Path.Combine(_dir, "reports", "models-edge-fitcheck.yml", "fitcheck.md")));
        Assert.Equal(2, api.Comments.Count);
        Assert.StartsWith(Marker, api.Comments[0].Body);
        Assert.StartsWith("<!-- fitcheck-comment: models-edge-fitcheck.yml -->\n", api.Comments[1].Body);
    }

    [Fact]
    public void APushWritesTheSummaryButNoComment()
    {
        Event("""{ "ref": "refs/heads/main" }""");
        using var api = new FakeGitHubApi(ApiMode.Works);
        var run = Run("run", api, new() { ["GITHUB_REF"] = "refs/heads/main" });

        Assert.Equal(0, run.Exit);
        Assert.Equal(Markdown, File.ReadAllText(Path.Combine(_dir, "summary.md")));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void ThePullRequestNumberCanComeFromTheRef()
    {
        Event("""{ "action": "opened" }""");
        using var api = new FakeGitHubApi(ApiMode.Works);
        Run("run", api, new() { ["GITHUB_REF"] = "refs/pull/31/merge" });
        Assert.StartsWith("/repos/acme/widgets/issues/31/comments", api.Requests.First().Path);
    }

    [Fact]
    public void CommentingCanBeTurnedOff()
    {
        using var api = new FakeGitHubApi(ApiMode.Works);
        Run("run", api, new() { ["FITCHECK_COMMENT"] = "false" });
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void APassingCheckReportsPass()
    {
        using var api = new FakeGitHubApi(ApiMode.Works);
        Run("run", api, new() { ["FAKE_FITCHECK_EXIT"] = "0" });
        Assert.Contains("verdict=pass", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.Contains("exit-code=0", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
    }

    [Theory]
    [InlineData("0", 0, "")]
    [InlineData("1", 1, "::error title=FitCheck::a gate failed")]
    [InlineData("2", 2, "::error title=FitCheck::the check could not run (exit code 2)")]
    public void FinishFailsTheStepWhenTheGatesFail(string code, int exit, string message)
    {
        using var api = new FakeGitHubApi(ApiMode.Refused);
        var run = Run("finish", api, new() { ["FITCHECK_EXIT_CODE"] = code });
        Assert.Equal(exit, run.Exit);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void ABaselineFileIsPassedOnWithTheGrowthBudget()
    {
        var baseline = Path.Combine(_dir, "old report.json");
        File.WriteAllText(baseline, "{}");
        using var api = new FakeGitHubApi(ApiMode.Works);
        Run("run", api, new() { ["FITCHECK_BASELINE"] = baseline, ["FITCHECK_MAX_GROWTH"] = "5%" });
        Assert.EndsWith($"--baseline {baseline} --max-growth 5%", File.ReadAllText(Log("fitcheck.args")).TrimEnd());
    }

    [Fact]
    public void ABaselineGitRefIsCheckedWithoutAnnotations()
    {
        var repo = Path.Combine(_dir, "my repo");
        Directory.CreateDirectory(Path.Combine(repo, "examples", "app"));
        File.WriteAllText(Path.Combine(repo, "examples", "app", "fitcheck.yml"), "version: 1\n");
        Git(repo, "init", "-q");
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "base");

        using var api = new FakeGitHubApi(ApiMode.Works);
        var run = Run("run", api, new() { ["FITCHECK_BASELINE"] = "HEAD" }, repo);
        Assert.True(run.Exit == 0, run.Error);

        var calls = File.ReadAllLines(Log("fitcheck.args"));
        Assert.Equal(2, calls.Length);
        Assert.Matches($"^check .*/examples/app/fitcheck.yml --format json --output {Out}/baseline-HEAD.json$", calls[0]);
        Assert.EndsWith($"--baseline {Out}/baseline-HEAD.json", calls[1]);
        // The base run is not asked for ::error annotations; the PR's own run is.
        Assert.Equal(["false", "true"], File.ReadAllLines(Log("fitcheck.annotations")));
        // The temporary checkout of the ref is gone again.
        Assert.Single(Git(repo, "worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
    }

    [Fact]
    public void ABaselineThatIsNeitherFileNorRefIsAnError()
    {
        using var api = new FakeGitHubApi(ApiMode.Works);
        var run = Run("run", api, new() { ["FITCHECK_BASELINE"] = "no-such-ref-or-file", ["FITCHECK_COMMENT"] = "false" });
        Assert.Contains("verdict=error", File.ReadAllLines(Path.Combine(_dir, "output.txt")));
        Assert.Contains("neither a file nor a git ref", run.Error);
        Assert.Contains("neither a file nor a git ref", File.ReadAllText(Path.Combine(_dir, "summary.md")));
    }

    private void Event(string json) => File.WriteAllText(Path.Combine(_dir, "event.json"), json);

    private string Log(string name) => Path.Combine(_dir, "log", name);

    private static string Data(string name) => RepoPaths.Of("tests", "FitCheck.Tests", "Action", "Data", name);

    internal static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }
    }

    internal static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, command))
            .FirstOrDefault(File.Exists);

    private (int Exit, string Output, string Error, TimeSpan Took) Run(string verb, FakeGitHubApi api, Dictionary<string, string> env, string? cwd = null)
    {
        var psi = new ProcessStartInfo(Path.Combine(_dir, "bin", "bash"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = cwd ?? _dir,
        };
        psi.ArgumentList.Add(RepoPaths.Of("scripts", "fitcheck-action.sh"));
        psi.ArgumentList.Add(verb);
        // Only what a runner would set: nothing of the machine's own GitHub environment leaks in.
        psi.Environment.Clear();
        psi.Environment["PATH"] = Path.Combine(_dir, "bin");
        psi.Environment["HOME"] = _dir;
        psi.Environment["GITHUB_ACTIONS"] = "true";
        psi.Environment["GITHUB_OUTPUT"] = Path.Combine(_dir, "output.txt");
        psi.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(_dir, "summary.md");
        psi.Environment["GITHUB_EVENT_PATH"] = Path.Combine(_dir, "event.json");
        psi.Environment["GITHUB_REF"] = "refs/pull/7/merge";
        psi.Environment["GITHUB_REPOSITORY"] = "acme/widgets";
        psi.Environment["GITHUB_API_URL"] = api.Url;
        psi.Environment["RUNNER_TEMP"] = _dir;
        psi.Environment["FITCHECK_MANIFEST"] = "examples/app/fitcheck.yml";
        psi.Environment["FITCHECK_OUTPUT_DIR"] = Path.Combine(_dir, "reports");
        psi.Environment["FITCHECK_COMMAND"] = FakeFitCheck;
        psi.Environment["FITCHECK_COMMENT"] = "true";
        psi.Environment["FITCHECK_GITHUB_TOKEN"] = "fake-token";
        psi.Environment["FITCHECK_API_TIMEOUT"] = "10";
        psi.Environment["FAKE_LOG"] = Path.Combine(_dir, "log");
        psi.Environment["FAKE_MARKDOWN"] = Path.Combine(_dir, "report.md");
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the action script did not end within {Limit.TotalSeconds} s");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
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
