using FitCheck.Tests.Support;

namespace FitCheck.Tests.Reports;

/// <summary>
/// Reviewed expected files under Reports/__snapshots__, compared as text. A missing file is written
/// (and the test fails) only when UPDATE_SNAPSHOTS=1, so a new snapshot is always read before it counts.
/// </summary>
internal static class TextSnapshot
{
    public static void Match(string name, string actual)
    {
        var path = RepoPaths.Of("tests", "FitCheck.Tests", "Reports", "__snapshots__", name);
        if (!File.Exists(path) || Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(path, actual);
            }

            Assert.Fail($"snapshot {name} {(File.Exists(path) ? "rewritten" : "missing")}; review it (UPDATE_SNAPSHOTS=1 writes it)");
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
