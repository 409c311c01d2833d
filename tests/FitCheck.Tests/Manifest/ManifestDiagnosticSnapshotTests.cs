using System.Runtime.CompilerServices;
using System.Text;
using FitCheck.Diagnostics;
using FitCheck.Manifest;

namespace FitCheck.Tests.Manifest;

/// <summary>
/// Every manifest error as users read it, in one reviewed file: a wording change shows up as a diff.
/// Delete the file and run the test to regenerate it, then review the diff before committing.
/// </summary>
public class ManifestDiagnosticSnapshotTests
{
    [Fact]
    public void EveryManifestDiagnosticReadsAsReviewed()
    {
        var text = new StringBuilder();
        foreach (var row in ManifestErrorTests.Cases)
        {
            var name = (string)row[0];
            var yaml = (string)row[1];
            var ex = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yaml", yaml));
            text.Append("## ").Append(name).Append('\n').Append(ex.Diagnostic.Format().Replace("\r\n", "\n", StringComparison.Ordinal)).Append("\n\n");
        }

        var path = SnapshotPath();
        var actual = text.ToString();
        if (!File.Exists(path))
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"wrote {path}; review it and run again");
        }

        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), actual);
    }

    private static string SnapshotPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "__snapshots__", "ManifestDiagnostics.txt");
}
