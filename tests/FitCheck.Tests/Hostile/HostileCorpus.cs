using System.Diagnostics;
using System.Text;
using FitCheck.Tests.Corpus;
using FitCheck.Tests.Onnx;

namespace FitCheck.Tests.Hostile;

/// <summary>
/// The second hostile round, by family: sums of in-range figures that pass 2^63, special files (FIFOs,
/// devices, directories, sparse files), work limits, ONNX lengths, untrusted text, outputs. Large and
/// special files are made at test time (SetLength for sparse files, mkfifo, symlinks to /dev/zero).
/// </summary>
internal static class HostileCorpus
{
    private const string Base = GeneratedCorpus.Base;

    public static IEnumerable<HostileCase> All() =>
        Overflow().Concat(SpecialFiles()).Concat(Limits()).Concat(OnnxLengths()).Concat(InertText()).Concat(Outputs());

    /// <summary>Every site where figures are combined, driven past 2^63 by values each in range.</summary>
    private static IEnumerable<HostileCase> Overflow()
    {
        const string code = "overlap: pipelined\n    code:\n      ";
        yield return Check("code: runtime near 2^63 + kernels", Base.Replace("overlap: pipelined", code + "runtime: 9223372036854775000 B"), "FC1101");
        yield return Check("code: perKernel 8000000 TiB x kernels", Base.Replace("overlap: pipelined", code + "perKernel: 8000000 TiB"), "FC1101");
        yield return Check("code: perLayer 8000000 TiB x layers", Base.Replace("overlap: pipelined", code + "perLayer: 8000000 TiB"), "FC1101");
        yield return Check("weights + activations + code past 2^63", Base.Replace("overlap: pipelined", code + "runtime: 9223372036854000000 B"), "FC1101");
        yield return Check("weights + activations + code past 2^63, markdown report",
            Base.Replace("overlap: pipelined", code + "runtime: 9223372036854000000 B"), "FC1101", "--report", "md=out.md");
        yield return Check("weights + activations + code past 2^63, json", Base.Replace("overlap: pipelined", code + "runtime: 9223372036854000000 B"), "FC1101", "--format", "json");
        yield return Check("two off-chip tiers of 8000000 TiB (all-memory sum)",
            Base.Replace("size: 1 GiB", "size: 8000000 TiB").Replace("bandwidth: 10 GB/s", "bandwidth: 10 GB/s\n      - name: dram2\n        kind: dram\n        size: 8000000 TiB\n        bandwidth: 1 GB/s"), "FC1101");
        yield return Check("two on-chip tiers of 8000000 TiB (on-chip sum)",
            Base.Replace("size: 8 MiB", "size: 8000000 TiB").Replace("bandwidth: 100 GB/s", "bandwidth: 100 GB/s\n      - name: sram2\n        kind: sram\n        size: 8000000 TiB\n        bandwidth: 50 GB/s"), "FC0125");
        yield return Check("off-chip tier 4000000 TiB x 3 tiles", Base.Replace("size: 1 GiB", "size: 4000000 TiB\n        tiles: 3"), "FC0125");
        yield return new HostileCase("per-frame traffic past 2^63 (1,000 full-size maxpools)", dir =>
        {
            File.WriteAllText(Path.Combine(dir, "deep.cfg"), "[net]\nwidth=416\nheight=416\nchannels=3\n\n[convolutional]\nfilters=1048576\nsize=1\nstride=1\npad=0\nactivation=linear\n\n"
                + string.Concat(Enumerable.Repeat("[maxpool]\nsize=1\nstride=1\n\n", 1000)));
            return Manifest(dir, Base.Replace("size: 1 GiB", "size: 8000000 TiB").Replace("zoo:resnet50", "./deep.cfg").Replace("224x224", "65536x65536")
                .Replace("precision: int8", "precision: fp32").Replace("activations: on-chip", "activations: anywhere"));
        }, ExpectedId: "FC1101");
        yield return new HostileCase("sweep of a cfg whose traffic passes 2^63 on an accelerator", dir =>
        {
            File.WriteAllText(Path.Combine(dir, "deep.cfg"), "[net]\nwidth=416\nheight=416\nchannels=3\n\n[convolutional]\nfilters=1048576\nsize=1\nstride=1\npad=0\nactivation=linear\n\n"
                + string.Concat(Enumerable.Repeat("[maxpool]\nsize=1\nstride=1\n\n", 1000)));
            Manifest(dir, Base.Replace("size: 1 GiB", "size: 8000000 TiB"));
            return ["sweep", "deep.cfg", "--resolutions", "65536", "--precision", "fp32", "-a", "npu", "-m", "fitcheck.yml"];
        }, ExpectedId: "FC1101", Located: false);
    }

    private static IEnumerable<HostileCase> SpecialFiles()
    {
        yield return new HostileCase("manifest is /dev/zero", _ => ["check", "/dev/zero"], ExpectedId: "FC0103");
        yield return new HostileCase("manifest is /dev/urandom", _ => ["check", "/dev/urandom"], ExpectedId: "FC0103");
        yield return new HostileCase("manifest is /dev/null", _ => ["check", "/dev/null"], ExpectedId: "FC0102");
        yield return new HostileCase("manifest is a directory", dir => ["check", "."], ExpectedId: "FC0005");
        yield return new HostileCase("manifest is a symlink to /dev/zero", dir => Link(dir, "m.yml", "/dev/zero", "check", "m.yml"), ExpectedId: "FC0103");
        yield return new HostileCase("manifest is a FIFO nobody writes", dir => Fifo(dir, "m.yml", "check", "m.yml"), ExpectedId: "FC0006");
        yield return new HostileCase("manifest path with a NUL", _ => ["check", "m\0.yml"], ExpectedId: "FC0004", Located: false);
        yield return new HostileCase("baseline is /dev/zero", dir => [.. Manifest(dir, Base), "--baseline", "/dev/zero"], ExpectedId: "FC0003");
        yield return new HostileCase("baseline is a FIFO nobody writes", dir => [.. Manifest(dir, Base), .. Fifo(dir, "b.json", "--baseline", "b.json")], ExpectedId: "FC0006");
        yield return new HostileCase("baseline is a directory", dir => [.. Manifest(dir, Base), "--baseline", "."], ExpectedId: "FC0005");
        foreach (var ext in new[] { "onnx", "cfg" })
        {
            yield return new HostileCase($"model .{ext} is a FIFO", dir =>
            {
                Fifo(dir, $"m.{ext}");
                return Manifest(dir, Base.Replace("zoo:resnet50", $"./m.{ext}"));
            }, ExpectedId: "FC0005");
            yield return new HostileCase($"model .{ext} is a symlink to /dev/zero", dir =>
            {
                Link(dir, $"m.{ext}", "/dev/zero");
                return Manifest(dir, Base.Replace("zoo:resnet50", $"./m.{ext}"));
            }, ExpectedId: "FC0005");
            yield return new HostileCase($"model .{ext} is a directory", dir =>
            {
                Directory.CreateDirectory(Path.Combine(dir, $"m.{ext}"));
                return Manifest(dir, Base.Replace("zoo:resnet50", $"./m.{ext}"));
            }, ExpectedId: "FC0005");
            yield return new HostileCase($"model .{ext} path with a NUL escape", dir => Manifest(dir, Base.Replace("zoo:resnet50", $"\"./m\\0.{ext}\"")), ExpectedId: "FC0004");
        }

        yield return new HostileCase("onnx sparse 3 GB file", dir =>
        {
            using (var f = File.Create(Path.Combine(dir, "m.onnx")))
            {
                f.SetLength(3L << 30);
            }

            return Manifest(dir, Base.Replace("zoo:resnet50", "./m.onnx"));
        }, ExpectedId: "FC0510");
        yield return new HostileCase("cfg sparse 1 GB file", dir =>
        {
            using (var f = File.Create(Path.Combine(dir, "m.cfg")))
            {
                f.SetLength(1L << 30);
            }

            return Manifest(dir, Base.Replace("zoo:resnet50", "./m.cfg"));
        }, ExpectedId: "FC0401");
    }

    private static IEnumerable<HostileCase> Limits()
    {
        var many = string.Join(", ", Enumerable.Range(1, 10_001).Select(i => $"{i}x{i}"));
        yield return Check("10,001 resolutions in one model", Base.Replace("[224x224]", $"[{many}]"), "FC1102");
        // The default (1,000) is checked the same way; 51 keep the case cheap on a shared machine.
        var fiftyOne = "version: 1\naccelerators:\n" + string.Concat(Enumerable.Range(0, 51).Select(i =>
            $"  - name: a{i}\n    compute: 1 TOPS\n    memory:\n      - name: sram\n        size: 8 MiB\n        bandwidth: 1 GB/s\n"));
        yield return Check("51 accelerators with --limit accelerators=50", fiftyOne + "models:\n  - source: zoo:resnet50\n    deploy: [a0]\n", "FC1102", "--limit", "accelerators=50");
        var eleven = new StringBuilder("version: 1\naccelerators:\n");
        for (var i = 0; i < 10; i++)
        {
            eleven.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - name: a{i}\n    compute: 1 TOPS\n    memory:\n      - name: sram\n        size: 8 MiB\n        bandwidth: 1 GB/s\n");
        }

        eleven.Append("models:\n");
        var resolutions = string.Join(", ", Enumerable.Range(1, 1000).Select(i => $"{i * 8}x{i * 8}"));
        for (var m = 0; m < 11; m++)
        {
            eleven.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - name: m{m}\n    source: zoo:resnet50\n    resolutions: [{resolutions}]\n    deploy: [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9]\n");
        }

        yield return Check("110,000 evaluations (11 models x 1,000 resolutions x 10 accelerators)", eleven.ToString(), "FC1102");
        yield return Check("--max-evaluations 2 with 3 deployments",
            Base.Replace("[224x224]", "[224x224, 256x256, 288x288]"), "FC1102", "--max-evaluations", "2");
        yield return Check("--limit evaluations=abc", Base, "FC0002", located: false, "--limit", "evaluations=abc");
        yield return new HostileCase("--limit resolutions=20000 lets 10,001 resolutions be counted, evaluations still limited", dir =>
            [.. Manifest(dir, Base.Replace("[224x224]", $"[{many}]")), "--limit", "resolutions=20000", "--max-evaluations", "10000"], ExpectedId: "FC1102");
        // The default limit (100,000) costs ~0.4 s of reading on a quiet machine; the corpus runs beside other
        // work, so it lowers the limit and checks the mechanism (and --limit) on 20,001 nodes.
        yield return new HostileCase("onnx of 20,001 nodes with --limit onnx-nodes=20000", dir =>
        {
            var node = Protobuf.Field(1, [.. Protobuf.Field(1, Protobuf.Text("x")), .. Protobuf.Field(2, Protobuf.Text("y")), .. Protobuf.Field(4, Protobuf.Text("Relu"))]);
            using (var f = File.Create(Path.Combine(dir, "m.onnx")))
            {
                var graph = new MemoryStream();
                for (var i = 0; i < 20_001; i++)
                {
                    graph.Write(node);
                }

                f.Write(Protobuf.Field(7, graph.ToArray()));
            }

            return [.. Manifest(dir, Base.Replace("zoo:resnet50", "./m.onnx")), "--limit", "onnx-nodes=20000"];
        }, ExpectedId: "FC1102");
        yield return new HostileCase("onnx attributes of 1,200,000 ints in all", dir =>
        {
            var ints = Protobuf.Field(8, Enumerable.Repeat((byte)1, 400_000).ToArray());
            var attribute = Protobuf.Field(5, [.. Protobuf.Field(1, Protobuf.Text("pads")), .. ints]);
            var node = Protobuf.Field(1, [.. Protobuf.Field(4, Protobuf.Text("Relu")), .. attribute, .. attribute, .. attribute]);
            File.WriteAllBytes(Path.Combine(dir, "m.onnx"), Protobuf.Field(7, node));
            return Manifest(dir, Base.Replace("zoo:resnet50", "./m.onnx"));
        }, ExpectedId: "FC1102");
    }

    private static IEnumerable<HostileCase> OnnxLengths()
    {
        yield return Onnx("onnx node name of 2^32 + 5 bytes (not read modulo 2^32)",
            Protobuf.ModelWithNode(Protobuf.Field(3, Protobuf.Text("abcde"), (1UL << 32) + 5)), "FC0510");
        yield return Onnx("onnx op type claiming 1 GB in a small file", Protobuf.ModelWithNode(Protobuf.Field(4, Protobuf.Text("Relu"), 1UL << 30)), "FC0503");
        yield return Onnx("onnx packed ints claiming past the end",
            Protobuf.ModelWithNode(Protobuf.Field(5, [.. Protobuf.Field(1, Protobuf.Text("pads")), .. Protobuf.Field(8, [1, 2], 1000)])), "FC0503");
        yield return Onnx("onnx graph of 2^63 + 1 bytes", Protobuf.Field(7, [], (1UL << 63) + 1), "FC0510");
        yield return new HostileCase("onnx sparse 2 GB file whose node name claims 2 GB", dir =>
        {
            var head = Protobuf.Field(7, Protobuf.Field(1, Protobuf.Field(3, [], (1UL << 31) - 1000), (1UL << 31) - 500), (1UL << 31) - 100);
            using (var f = File.Create(Path.Combine(dir, "m.onnx")))
            {
                f.Write(head);
                f.SetLength((1L << 31) - 50);
            }

            return Manifest(dir, Base.Replace("zoo:resnet50", "./m.onnx"));
        }, ExpectedId: "FC0511");
        yield return Onnx("onnx Slice starts shorter than their dims", new OnnxWriter()
            .Input("x", "N", 3L, "H", "W")
            .Initializer("starts", [2], OnnxWriter.Int64, new byte[8])
            .Int64s("ends", 10, 10)
            .Int64s("axes", 2, 3)
            .Node("Slice", ["x", "starts", "ends", "axes"], ["y"], "slice")
            .Output("y", "N", 3L, 10L, 10L).ToBytes(), null);
        yield return Onnx("onnx ConvTranspose stride 0", new OnnxWriter()
            .Input("x", "N", 3L, "H", "W").Initializer("w", [3, 8, 3, 3])
            .Node("ConvTranspose", ["x", "w"], ["y"], "up", OnnxAttr.Ints("strides", 0, 0))
            .Output("y", "N", 8L, "H", "W").ToBytes(), "FC0513");
        yield return Onnx("onnx ConvTranspose group 2^40 on 3 channels", new OnnxWriter()
            .Input("x", "N", 3L, "H", "W").Initializer("w", [3, 8, 3, 3])
            .Node("ConvTranspose", ["x", "w"], ["y"], "up", OnnxAttr.Int("group", 1L << 40))
            .Output("y", "N", 8L, "H", "W").ToBytes(), "FC0203");
        yield return Onnx("onnx ConvTranspose output_padding past the stride", new OnnxWriter()
            .Input("x", "N", 3L, "H", "W").Initializer("w", [3, 8, 3, 3])
            .Node("ConvTranspose", ["x", "w"], ["y"], "up", OnnxAttr.Ints("strides", 2, 2), OnnxAttr.Ints("output_padding", 5, 5))
            .Output("y", "N", 8L, "H", "W").ToBytes(), "FC0513");
    }

    private static IEnumerable<HostileCase> InertText()
    {
        const string forged = "\u001b[2J\u001b[H\nfake(1,1): error FC0999: all good\r\u0007";
        yield return Onnx("onnx node name with escape sequences and a forged error line", new OnnxWriter()
            .Input("x", "N", 3L, "H", "W").Node("NoSuchOp", ["x"], ["y"], forged).Output("y", "N", 3L, "H", "W").ToBytes(), "FC0507");
        yield return Onnx("onnx op type with escape sequences", new OnnxWriter()
            .Input("x", "N", 3L, "H", "W").Node(forged, ["x"], ["y"], "n").Output("y", "N", 3L, "H", "W").ToBytes(), "FC0507");
        yield return Onnx("onnx op type of 1 MB", new OnnxWriter()
            .Input("x", "N", 3L, "H", "W").Node(new string('Q', 1_000_000), ["x"], ["y"], "n").Output("y", "N", 3L, "H", "W").ToBytes(), "FC0507");
        yield return Onnx("onnx input name with bidi overrides, dangling", new OnnxWriter()
            .Input("x", "N", 3L, "H", "W").Node("Relu", ["\u202eevil\u202c\u001b]8;;http://x\u0007"], ["y"], "n").Output("y", "N", 3L, "H", "W").ToBytes(), "FC0506");
        yield return new HostileCase("cfg section name with escape sequences", dir =>
        {
            File.WriteAllText(Path.Combine(dir, "m.cfg"), "[net]\nwidth=416\nheight=416\nchannels=3\n[" + forged.Replace("\n", "", StringComparison.Ordinal) + "]\n");
            return Manifest(dir, Base.Replace("zoo:resnet50", "./m.cfg"));
        });
        yield return new HostileCase("cfg key of 1 MB", dir =>
        {
            File.WriteAllText(Path.Combine(dir, "m.cfg"), "[net]\nwidth=416\nheight=416\nchannels=3\n[convolutional]\n" + new string('k', 1_000_000) + "=1\n");
            return Manifest(dir, Base.Replace("zoo:resnet50", "./m.cfg"));
        }, ExpectedId: "FC0408");
        yield return Check("model source path of 100 kB", Base.Replace("zoo:resnet50", "./" + new string('p', 100_000) + ".onnx"), null);
    }

    private static IEnumerable<HostileCase> Outputs()
    {
        yield return Check("--output is the manifest", Base, "FC0009", "--output", "fitcheck.yml");
        yield return Check("--output is the manifest through ./", Base, "FC0009", "--output", "./sub/../fitcheck.yml");
        yield return Check("--report md= is the manifest", Base, "FC0009", "--report", "md=fitcheck.yml");
        yield return new HostileCase("--output is a model file", dir =>
        {
            File.WriteAllText(Path.Combine(dir, "m.cfg"), "[net]\nwidth=416\nheight=416\nchannels=3\n");
            return [.. Manifest(dir, Base.Replace("zoo:resnet50", "./m.cfg")), "--output", "m.cfg"];
        }, ExpectedId: "FC0009");
        yield return new HostileCase("--output is a directory", dir => [.. Manifest(dir, Base), "--output", "."], ExpectedId: "FC0008");
        yield return new HostileCase("--output is a FIFO nobody reads", dir => [.. Manifest(dir, Base), .. Fifo(dir, "out.json", "--output", "out.json")], ExpectedId: "FC0008");
        yield return new HostileCase("--output under a file", dir => [.. Manifest(dir, Base), "--output", "fitcheck.yml/out.json"], ExpectedId: "FC0008");
        yield return new HostileCase("--output /dev/null", dir => [.. Manifest(dir, Base), "--output", "/dev/null"], 0, Reason: "a character device is written directly; the base manifest passes");
        yield return new HostileCase("--output to a new file", dir => [.. Manifest(dir, Base), "--format", "json", "--output", "new/out.json"], 0,
            Reason: "the report goes to a temporary file in new/ and is renamed into place; the base manifest passes");
    }

    private static HostileCase Check(string name, string manifest, string? id, params string[] extra) => Check(name, manifest, id, true, extra);

    private static HostileCase Check(string name, string manifest, string? id, bool located, params string[] extra) =>
        new(name, dir => [.. Manifest(dir, manifest), .. extra], ExpectedId: id, Located: located);

    private static HostileCase Onnx(string name, byte[] bytes, string? id) =>
        new(name, dir =>
        {
            File.WriteAllBytes(Path.Combine(dir, "m.onnx"), bytes);
            return Manifest(dir, Base.Replace("zoo:resnet50", "./m.onnx"));
        }, ExpectedId: id);

    private static string[] Manifest(string dir, string text)
    {
        File.WriteAllText(Path.Combine(dir, "fitcheck.yml"), text, new UTF8Encoding(false));
        return ["check", "fitcheck.yml"];
    }

    private static string[] Link(string dir, string name, string target, params string[] args)
    {
        File.CreateSymbolicLink(Path.Combine(dir, name), target);
        return args;
    }

    public static string[] Fifo(string dir, string name, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(dir, name)) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return args;
    }
}
