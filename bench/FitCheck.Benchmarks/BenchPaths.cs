namespace FitCheck.Benchmarks;

/// <summary>Files of the repository the benchmarks read, found from the working directory or the assembly's location.</summary>
internal static class BenchPaths
{
    public static string SeedManifest => Path.Combine(RepoRoot, "examples", "seed", "fitcheck.yml");

    public static string AdviseManifest => Path.Combine(RepoRoot, "bench", "FitCheck.Benchmarks", "advise-10x6.yml");

    private static string RepoRoot
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "FitCheck.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new InvalidOperationException("run the benchmarks from inside the FitCheck repository");
        }
    }
}
