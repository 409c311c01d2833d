using System.Globalization;
using System.Text;
using FitCheck.Tests.Cli;

namespace FitCheck.Tests.Corpus;

/// <summary>
/// Cases made at test time: truncations and hostile values substituted into a valid manifest, truncated
/// Darknet files, and the large inputs (100 MB, 10,000 levels, hundreds of thousands of keys) that are
/// not worth committing.
/// </summary>
internal static class GeneratedCorpus
{
    /// <summary>A valid manifest (exit 0: ResNet-50's 1.5 MB arena fits 8 MiB of SRAM).</summary>
    public const string Base = """
        version: 1
        accelerators:
          - name: npu
            compute: 4 TOPS
            utilization: 50%
            overlap: pipelined
            memory:
              - name: sram
                size: 8 MiB
                bandwidth: 100 GB/s
              - name: dram
                size: 1 GiB
                bandwidth: 10 GB/s
        models:
          - name: net
            source: zoo:resnet50
            resolutions: [224x224]
            precision: int8
            batch: 1
            deploy: [npu]
            gates:
              weights: anywhere
              activations: on-chip
              headroom: 10%

        """;

    /// <summary>Values no field of a manifest accepts as written.</summary>
    private static readonly string[] HostileScalars =
    [
        "1e400", "-1e400", "NaN", ".nan", ".inf", "-.inf", "-1", "-0", "''", "~", "[]", "{}", "{a: 1}",
        "99999999999999999999999", "0x10", "1_000", "\u0661\u0662", "true", "!!binary AAAA", "\"\\u202e8 MiB\"",
    ];

    /// <summary>Hostile numbers in front of the field's proper unit.</summary>
    private static readonly string[] HostileNumbers = ["1e400", "NaN", "-0", "-1", "1e-400", "Infinity", "1.7976931348623157e308"];

    /// <summary>(line as written in <see cref="Base"/>, key, unit for <see cref="HostileNumbers"/> or null).</summary>
    private static readonly (string Line, string Key, string? Unit)[] Fields =
    [
        ("version: 1", "version", null),
        ("compute: 4 TOPS", "compute", "TOPS"),
        ("utilization: 50%", "utilization", "%"),
        ("overlap: pipelined", "overlap", null),
        ("size: 8 MiB", "size", "MiB"),
        ("bandwidth: 100 GB/s", "bandwidth", "GB/s"),
        ("resolutions: [224x224]", "resolutions", null),
        ("precision: int8", "precision", null),
        ("batch: 1", "batch", null),
        ("source: zoo:resnet50", "source", null),
        ("headroom: 10%", "headroom", "%"),
    ];

    /// <summary>Generated cases that are valid, with why.</summary>
    private static readonly Dictionary<string, (int Exit, string Reason)> Valid = new(StringComparer.Ordinal)
    {
        ["headroom: -0 %"] = (0, "-0% is zero headroom"),
        ["headroom: 1e-400 %"] = (0, "1e-400 underflows to zero headroom"),
    };

    public static IEnumerable<CorpusCase> All() =>
        Truncations().Concat(HostileValues()).Concat(TruncatedCfgs()).Concat(BrokenOnnx()).Concat(Large());

    /// <summary>The base manifest cut short anywhere before its deploy line is complete: always missing something.</summary>
    private static IEnumerable<CorpusCase> Truncations()
    {
        var end = Base.IndexOf("deploy: [npu]", StringComparison.Ordinal) + "deploy: [npu]".Length - 1;
        for (var i = 0; i < 40; i++)
        {
            var cut = i * end / 40;
            yield return Manifest($"truncated at byte {cut}", Base[..cut]);
        }
    }

    private static IEnumerable<CorpusCase> HostileValues()
    {
        foreach (var (line, key, unit) in Fields)
        {
            foreach (var value in HostileScalars)
            {
                // A value in a flow list (resolutions) stays a list item; elsewhere it replaces the scalar.
                var written = key == "resolutions" ? $"resolutions: [{value}]" : $"{key}: {value}";
                yield return Manifest($"{key}: {value}", Base.Replace(line, written, StringComparison.Ordinal));
            }

            if (unit is null)
            {
                continue;
            }

            foreach (var number in HostileNumbers)
            {
                yield return Manifest($"{key}: {number} {unit}", Base.Replace(line, $"{key}: {number} {unit}", StringComparison.Ordinal));
            }
        }

        yield return Manifest("every tier 65536 EiB x 2^31 tiles", Base.Replace("size: 8 MiB", "size: 65536 EiB\n        tiles: 2147483647", StringComparison.Ordinal));
        yield return Manifest("maxTotal 1e400 B", Base.Replace("headroom: 10%", "maxTotal: 1e400 B", StringComparison.Ordinal));
        yield return Manifest("minFps NaN fps", Base.Replace("headroom: 10%", "minFps: NaN fps", StringComparison.Ordinal));
    }

    /// <summary>yolov3-tiny.cfg cut inside section headers and inside keys: never a whole network.</summary>
    private static IEnumerable<CorpusCase> TruncatedCfgs()
    {
        var cfg = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Darknet", "Data", "yolov3-tiny.cfg"));
        var lines = cfg.Split('\n');
        var offset = 0;
        var made = 0;
        for (var i = 0; i < lines.Length && made < 30; offset += lines[i].Length + 1, i++)
        {
            var line = lines[i];
            var cut = line.StartsWith('[') && line.Length > 3 ? offset + line.Length / 2
                : line.IndexOf('=') is > 2 and var eq && i % 3 == 0 && !line.StartsWith('#') ? offset + eq / 2 + 1
                : -1;
            if (cut < 0)
            {
                continue;
            }

            made++;
            var text = cfg[..cut];
            yield return new CorpusCase($"yolov3-tiny.cfg cut at byte {cut} ('{text[(text.LastIndexOf('\n') + 1)..]}')", dir =>
            {
                File.WriteAllText(Path.Combine(dir, "model.cfg"), text);
                return WriteManifest(dir, Base.Replace("zoo:resnet50", "./model.cfg", StringComparison.Ordinal).Replace("224x224", "416x416", StringComparison.Ordinal));
            });
        }
    }

    /// <summary>
    /// The ONNX fixture (a small ORT-optimised CNN, 26,920 bytes; its graph field runs from byte 18 to the end)
    /// cut inside the graph, and files that are not ONNX at all. Errors point at the manifest's `source:` line.
    /// </summary>
    private static IEnumerable<CorpusCase> BrokenOnnx()
    {
        var onnx = File.ReadAllBytes(Path.Combine(CliRunner.RepoRoot, "tests", "FitCheck.Tests", "Onnx", "Fixtures", "small-ort-optimized.onnx"));
        yield return Onnx("onnx fixture, whole", onnx, 0, "the fixture is a valid CNN of 6.5 kB weights and 351 kB activations");
        for (var i = 0; i < 25; i++)
        {
            var cut = 1 + i * (onnx.Length - 100) / 25;
            yield return Onnx($"onnx cut at byte {cut}", onnx[..cut]);
        }

        yield return Onnx("onnx empty", [], id: "FC0509");
        yield return Onnx("onnx of text", Encoding.UTF8.GetBytes(Base));
        yield return Onnx("onnx of a Darknet cfg", Encoding.UTF8.GetBytes("[net]\nwidth=416\nheight=416\nchannels=3\n"));
        yield return Onnx("onnx of 4 KB of 0xFF", Enumerable.Repeat((byte)0xFF, 4096).ToArray());
        yield return Onnx("onnx claiming a 2^62-byte graph", [0x3A, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]);
        yield return Onnx("onnx varint of 11 bytes", [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]);
        yield return Onnx("onnx nested 100,000 deep", Enumerable.Range(0, 100_000).SelectMany(_ => new byte[] { 0x3A, 0x00 }).ToArray());
        yield return Onnx("onnx of a zip header", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    }

    private static CorpusCase Onnx(string name, byte[] bytes, int exit = 2, string? reason = null, string? id = null) =>
        new(name, dir =>
        {
            File.WriteAllBytes(Path.Combine(dir, "model.onnx"), bytes);
            return WriteManifest(dir, Base.Replace("zoo:resnet50", "./model.onnx", StringComparison.Ordinal));
        }, exit, id, reason);

    private static IEnumerable<CorpusCase> Large()
    {
        yield return new CorpusCase("100 MB manifest", dir =>
        {
            var path = Path.Combine(dir, "fitcheck.yml");
            using (var file = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                file.Write(Base);
                var filler = "# " + new string('x', 1021) + "\n";
                for (var i = 0; i < 100 * 1024; i++)
                {
                    file.Write(filler);
                }
            }

            return "fitcheck.yml";
        }, ExpectedId: "FC0103");

        var bulk = new StringBuilder(Base);
        while (bulk.Length < 1_000_000)
        {
            bulk.Append("# ").Append('y', 997).Append('\n');
        }

        yield return Manifest("1 MB of comments, then an unknown key", bulk + "extra: 1\n", "FC0108");
        yield return Manifest("1 MB model name", Base.Replace("name: net", "name: " + new string('n', 1_000_000), StringComparison.Ordinal).Replace("deploy: [npu]", "deploy: [npv]", StringComparison.Ordinal), "FC0120");
        yield return Manifest("10,000-level flow list", "version: 1\naccelerators: " + new string('[', 10_000) + new string(']', 10_000) + "\n", "FC0105");
        yield return Manifest("10,000-level flow mapping", "version: 1\naccelerators: " + string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000) + "\n", "FC0105");
        // Indenting 10,000 levels takes 50 MB of spaces, so that case meets the 1 MiB size limit; 1,400 levels (0.98 MB) fit under it.
        yield return Manifest("10,000-level block mapping (50 MB)", "version: 1\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', i) + "k:\n")), "FC0103");
        yield return Manifest("1,400-level block mapping (0.98 MB)", "version: 1\n" + string.Concat(Enumerable.Range(0, 1_400).Select(i => new string(' ', i) + "k:\n")), "FC0105");
        yield return Manifest("10,000-level block list", "version: 1\naccelerators:\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n", "FC0105");
        yield return Manifest("alias bomb 30 levels deep", AliasBomb(30), "FC0104");
        // Dense YAML parses at about 1 MB/s on a cold start (YamlDotNet, twice: prescan and tree); see bench/README.md.
        yield return Manifest("50,000 root keys", "version: 1\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"k{i}: 1\n"))), "FC0108");
        yield return Manifest("100,000-item deploy list", Base.Replace("deploy: [npu]", "deploy: [" + string.Join(",", Enumerable.Repeat("npu", 100_000)) + "]", StringComparison.Ordinal), "FC0119");
        yield return Manifest("5,000 accelerators, a misspelt deploy", Accelerators(5_000) + "models:\n  - source: zoo:resnet50\n    deploy: [npu-499x]\n", "FC0120");
        yield return Manifest("1 MB key (YAML limits implicit keys to 1024 characters)", Base + new string('k', 1_000_000) + ": 1\n", "FC0101");
        yield return Manifest("1 MB quoted key", Base + "\"" + new string('k', 1_000_000) + "\": 1\n", "FC0101");

        yield return Cfg("cfg over 16 MB", dir =>
        {
            using var file = new StreamWriter(Path.Combine(dir, "model.cfg"));
            file.Write("[net]\nwidth=416\nheight=416\nchannels=3\n");
            var filler = "# " + new string('z', 1021) + "\n";
            for (var i = 0; i < 17 * 1024; i++)
            {
                file.Write(filler);
            }
        }, "FC0401");
        yield return Cfg("cfg with 70,000 sections", dir =>
            File.WriteAllText(Path.Combine(dir, "model.cfg"), "[net]\nwidth=416\nheight=416\nchannels=3\n" + string.Concat(Enumerable.Repeat("[maxpool]\nsize=1\nstride=1\n", 70_000))), "FC0417");
        yield return Cfg("cfg of 15 MB on one line", dir =>
            File.WriteAllText(Path.Combine(dir, "model.cfg"), "[net]\nwidth=416\nheight=416\nchannels=3\n[convolutional]\nfilters=" + new string('7', 15_000_000) + "\n"));
        // 65536 x 65536 x 2^20 filters x 4096 images = 2^68 elements: past 64 bits.
        yield return Cfg("cfg 65536x65536 input, 2^20 filters, batch 4096", dir =>
            File.WriteAllText(Path.Combine(dir, "model.cfg"), "[net]\nwidth=416\nheight=416\nchannels=3\n[convolutional]\nfilters=1048576\nsize=3\nstride=1\npad=1\nactivation=leaky\n"),
            "FC0204", resolution: "65536x65536", batch: 4096);
    }

    private static CorpusCase Manifest(string name, string text, string? id = null) =>
        Valid.TryGetValue(name, out var valid)
            ? new(name, dir => WriteManifest(dir, text), valid.Exit, null, valid.Reason)
            : new(name, dir => WriteManifest(dir, text), ExpectedId: id);

    private static CorpusCase Cfg(string name, Action<string> write, string? id = null, string resolution = "416x416", int batch = 1) =>
        new(name, dir =>
        {
            write(dir);
            return WriteManifest(dir, Base
                .Replace("zoo:resnet50", "./model.cfg", StringComparison.Ordinal)
                .Replace("224x224", resolution, StringComparison.Ordinal)
                .Replace("batch: 1", string.Create(CultureInfo.InvariantCulture, $"batch: {batch}"), StringComparison.Ordinal));
        }, ExpectedId: id);

    private static string WriteManifest(string dir, string text)
    {
        File.WriteAllText(Path.Combine(dir, "fitcheck.yml"), text, new UTF8Encoding(false));
        return "fitcheck.yml";
    }

    private static string AliasBomb(int levels)
    {
        var yaml = new StringBuilder("version: 1\nl0: &l0 [lol, lol]\n");
        for (var i = 1; i < levels; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]\n");
        }

        return yaml.ToString();
    }

    private static string Accelerators(int count)
    {
        var yaml = new StringBuilder("version: 1\naccelerators:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: npu-{i}\n    compute: 4 TOPS\n    memory: [{{name: sram, size: 8 MiB, bandwidth: 1 GB/s}}]\n");
        }

        return yaml.ToString();
    }
}
