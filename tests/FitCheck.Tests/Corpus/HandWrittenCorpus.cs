namespace FitCheck.Tests.Corpus;

/// <summary>
/// The committed cases in Corpus/Data: every manifest listed in expected.tsv with its exit code, the
/// diagnostic id it must report ('-' when any located error will do) and, for valid cases, why.
/// A .cfg case is a manifest that deploys the .cfg of the same name.
/// </summary>
internal static class HandWrittenCorpus
{
    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus", "Data");

    public static IEnumerable<CorpusCase> All()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(DataDirectory, "expected.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            var file = fields[0];
            var exit = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            var id = fields[2] == "-" ? null : fields[2];
            var reason = fields.Length > 3 ? fields[3] : null;
            yield return new CorpusCase("data/" + file, dir => Copy(file, dir), exit, id, reason);
        }
    }

    /// <summary>Copies the manifest and the .cfg it may deploy; returns the manifest's name.</summary>
    private static string Copy(string file, string dir)
    {
        File.Copy(Path.Combine(DataDirectory, file), Path.Combine(dir, file));
        var cfg = Path.ChangeExtension(file, ".cfg");
        if (File.Exists(Path.Combine(DataDirectory, cfg)))
        {
            File.Copy(Path.Combine(DataDirectory, cfg), Path.Combine(dir, cfg));
        }

        return file;
    }
}
