using System.Text.RegularExpressions;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.MSBuild;

/// <summary>
/// `dotnet build` of a copy of examples/msbuild: the FitCheck target runs after Build, in-process, and a
/// model that does not fit fails the build with an error at the manifest's deploy line.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MSBuildIntegrationTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private readonly string _project;

    public MSBuildIntegrationTests()
    {
        _project = Path.Combine(Path.GetTempPath(), "fitcheck-msbuild-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(CliRunner.RepoRoot, "examples", "msbuild"), _project);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_project, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    [Fact]
    public void BuildFailsAtTheDeployLineAndPassesOnceTheBudgetIsRaised()
    {
        var manifest = Path.Combine(_project, "fitcheck.yml");
        var (line, column) = Find(manifest, "deploy: [edge-npu]", "edge-npu");

        var failed = Build();
        Assert.Equal(1, failed.ExitCode);
        // YOLOv3 at 608x608 has 17.7 MB of activations (the article: about 18 MB); the NPU has 8 MiB on chip.
        Assert.Matches(new Regex($@"fitcheck\.yml\({line},{column}\): error FC0701: yolov3 608x608 on edge-npu: gate 'activations-fit' failed"), failed.Output);
        Assert.DoesNotContain("MSB4018", failed.Output); // the task itself must not crash

        // 32 MiB holds the 17.7 MB arena; the build must now pass and say so.
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("size: 8 MiB", "size: 32 MiB", StringComparison.Ordinal));
        var passed = Build();
        Assert.True(passed.ExitCode == 0, passed.Output);
        Assert.DoesNotContain("error FC", passed.Output);
        Assert.Contains("FitCheck: all 1 deployments", passed.Output);
    }

    [Fact]
    public void FailuresAreWarningsWhenAskedAndTheBuildPasses()
    {
        var (line, column) = Find(Path.Combine(_project, "fitcheck.yml"), "deploy: [edge-npu]", "edge-npu");
        var r = Build("-p:FitCheckTreatFailuresAsWarnings=true");
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Matches(new Regex($@"fitcheck\.yml\({line},{column}\): warning FC0701: "), r.Output);
        Assert.DoesNotContain("error FC", r.Output);
    }

    [Fact]
    public void AnInputErrorIsAnErrorAtItsOwnLocationEvenWithWarnings()
    {
        var manifest = Path.Combine(_project, "fitcheck.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("precision: int8", "precisoin: int8", StringComparison.Ordinal));
        var (line, column) = Find(manifest, "precisoin: int8", "precisoin");

        var r = Build("-p:FitCheckTreatFailuresAsWarnings=true");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(new Regex($@"fitcheck\.yml\({line},{column}\): error FC0108: unknown key 'precisoin'.*did you mean 'precision'"), r.Output);
        Assert.DoesNotContain("   at ", r.Output);
    }

    private DotnetProcess.Result Build(params string[] extra)
    {
        var args = new List<string>
        {
            "build", Path.Combine(_project, "Edge.Vision.csproj"),
            "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary", "-v:minimal",
            "-p:FitCheckRepoRoot=" + CliRunner.RepoRoot + Path.DirectorySeparatorChar,
            "-p:FitCheckTaskAssembly=" + TaskAssembly,
        };
        args.AddRange(extra);
        return DotnetProcess.Run(_project, Timeout, [.. args]);
    }

    /// <summary>
    /// The task as this test run built it (the test project references FitCheck.MSBuild without using it):
    /// src/FitCheck.MSBuild/bin/CONFIGURATION/net10.0, the configuration read from this assembly's own path.
    /// </summary>
    private static string TaskAssembly
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var path = Path.Combine(CliRunner.RepoRoot, "src", "FitCheck.MSBuild", "bin", configuration, framework.Name, "FitCheck.MSBuild.dll");
            Assert.True(File.Exists(path), $"the task is not built at {path}");
            return path;
        }
    }

    /// <summary>1-based line of the first line containing <paramref name="lineText"/> and column of <paramref name="token"/> in it.</summary>
    private static (int Line, int Column) Find(string path, string lineText, string token)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Contains(lineText, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{lineText}' not in {path}");
        return (index + 1, lines[index].IndexOf(token, StringComparison.Ordinal) + 1);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is not ("bin" or "obj"))
            {
                Copy(dir, Path.Combine(to, name));
            }
        }
    }
}
