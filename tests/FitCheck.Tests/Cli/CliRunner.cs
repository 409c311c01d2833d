using FitCheck.Cli;

namespace FitCheck.Tests.Cli;

/// <summary>Runs the real CLI entry point in-process with captured output and an injected environment.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = FitCheckApp.Run(args, new CliContext(stdout, stderr, workingDirectory, name => environment.GetValueOrDefault(name)));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository root, found from the test assembly's location.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FitCheck.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("FitCheck.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static void AssertCleanInputError(Result r, string? id = null)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error FC", r.Error);
        if (id is not null)
        {
            Assert.Contains($"error {id}:", r.Error);
        }

        Assert.DoesNotContain("Exception", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }
}
