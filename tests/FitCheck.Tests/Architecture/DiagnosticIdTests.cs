using System.Text.RegularExpressions;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Architecture;

/// <summary>
/// A diagnostic id names one message: users search for "FC0801" and CI filters on it, so two catalogue
/// files must never hand out the same id (three features once did in parallel).
/// </summary>
public sealed partial class DiagnosticIdTests
{
    [Fact]
    public void Every_catalogue_id_is_defined_once()
    {
        var owners = new Dictionary<string, List<string>>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Of("src", "FitCheck.Core", "Diagnostics"), "DiagnosticCatalog*.cs"))
        {
            foreach (Match m in CatalogueEntry().Matches(File.ReadAllText(file)))
            {
                var id = m.Groups[1].Value;
                if (!owners.TryGetValue(id, out var list))
                {
                    owners[id] = list = [];
                }

                list.Add(Path.GetFileName(file));
            }
        }

        Assert.True(owners.Count > 50, $"only {owners.Count} ids found: has the catalogue moved?");
        var clashes = owners.Where(o => o.Value.Count > 1).Select(o => $"{o.Key}: {string.Join(", ", o.Value)}").ToList();
        Assert.True(clashes.Count == 0, "ids defined more than once:\n" + string.Join("\n", clashes));
    }

    [GeneratedRegex("""new\("(FC\d{4})"[,)]""")]
    private static partial Regex CatalogueEntry();
}
