using FitCheck.Diagnostics;
using FitCheck.Manifest;

namespace FitCheck.Tests.Manifest;

/// <summary>Every input error of the manifest: its id, and the line and column of the offending node (counted by hand).</summary>
public class ManifestErrorTests
{
    // Lines and columns below are 1-based positions in this text.
    private const string Base = """
        version: 1
        accelerators:
          - name: npu
            compute: 4 TOPS
            memory:
              - name: sram
                size: 8 MiB
                bandwidth: 100 GB/s
              - name: dram
                size: 1 GB
                bandwidth: 10 GB/s
        models:
          - source: zoo:resnet50
            deploy: [npu]
        """;

    private static string With(string old, string replacement)
    {
        Assert.Contains(old, Base, StringComparison.Ordinal);
        return Base.Replace(old, replacement, StringComparison.Ordinal);
    }

    internal static Diagnostic Fail(string yaml)
    {
        var ex = Assert.Throws<FitCheckException>(() => ManifestParser.Parse("m.yaml", yaml));
        return ex.Diagnostic;
    }

    public static TheoryData<string, string, string, int, int> Cases => new()
    {
        // name, manifest, id, line, column
        { "unterminated quote", "version: 1\nmodels: \"abc\n", "FC0101", 2, 9 },
        { "mapping value in a plain scalar", "version: 1\nmodels: a: b\n", "FC0101", 2, 10 },
        { "tab indentation", With("    compute: 4 TOPS", "\tcompute: 4 TOPS"), "FC0101", 4, 1 },
        { "empty text", "", "FC0102", 1, 1 },
        { "whitespace only", "  \n\n   \n", "FC0102", 1, 1 },
        { "comments only", "# a manifest\n# to be written\n", "FC0102", 1, 1 },
        { "root is a list", "- version: 1\n", "FC0107", 1, 1 },
        { "root is a scalar", "version 1\n", "FC0107", 1, 1 },
        { "unknown root key", With("models:", "modles:"), "FC0108", 12, 1 },
        { "unknown accelerator key", With("    compute:", "    computer:"), "FC0108", 4, 5 },
        { "unknown tier key", With("        size: 8 MiB", "        sise: 8 MiB"), "FC0108", 7, 9 },
        { "unknown model key", With("    deploy: [npu]", "    deploy: [npu]\n    precison: int8"), "FC0108", 15, 5 },
        { "unknown gate key", With("    deploy: [npu]", "    deploy: [npu]\n    gates:\n      minFPS: 30 fps"), "FC0108", 16, 7 },
        { "unknown code key", With("    memory:", "    code:\n      perkernel: 1 KiB\n    memory:"), "FC0108", 6, 7 },
        { "missing version", With("version: 1\n", ""), "FC0109", 1, 1 },
        { "missing compute", With("    compute: 4 TOPS\n", ""), "FC0109", 3, 5 },
        { "missing tier size", With("        size: 8 MiB\n", ""), "FC0109", 6, 9 },
        { "missing deploy", With("\n    deploy: [npu]", ""), "FC0109", 13, 5 },
        { "missing models", With("models:\n  - source: zoo:resnet50\n    deploy: [npu]", ""), "FC0109", 1, 1 },
        { "list where a value is expected", With("compute: 4 TOPS", "compute: [4 TOPS]"), "FC0110", 4, 14 },
        { "mapping where a list is expected", With("deploy: [npu]", "deploy: {npu: 1}"), "FC0110", 14, 13 },
        { "value where a list is expected", "version: 1\naccelerators: npu\nmodels: []\n", "FC0110", 2, 15 },
        { "accelerator entry not a mapping", With("models:", "  - npu\nmodels:"), "FC0110", 12, 5 },
        { "duplicate key", With("    compute: 4 TOPS", "    compute: 4 TOPS\n    compute: 8 TOPS"), "FC0111", 5, 5 },
        { "unsupported version", With("version: 1", "version: 2"), "FC0112", 1, 10 },
        { "version not an integer", With("version: 1", "version: 1.0"), "FC0112", 1, 10 },
        { "size without a unit", With("size: 8 MiB", "size: 8388608"), "FC0113", 7, 15 },
        { "negative zero without a unit", With("size: 8 MiB", "size: -0"), "FC0113", 7, 15 },
        { "bandwidth as a size", With("size: 8 MiB", "size: 8 GB/s"), "FC0114", 7, 15 },
        { "size as a bandwidth", With("bandwidth: 100 GB/s", "bandwidth: 100 GB"), "FC0114", 8, 20 },
        { "unknown unit", With("compute: 4 TOPS", "compute: 4 TFLOPS"), "FC0115", 4, 14 },
        { "nan", With("size: 8 MiB", "size: .nan"), "FC0116", 7, 15 },
        { "infinity", With("bandwidth: 100 GB/s", "bandwidth: .inf"), "FC0116", 8, 20 },
        { "1e400", With("size: 8 MiB", "size: 1e400 B"), "FC0117", 7, 15 },
        { "zero size", With("size: 8 MiB", "size: 0 B"), "FC0117", 7, 15 },
        { "negative size", With("size: 8 MiB", "size: -8 MiB"), "FC0117", 7, 15 },
        { "zero bandwidth", With("bandwidth: 100 GB/s", "bandwidth: 0 GB/s"), "FC0117", 8, 20 },
        { "negative bandwidth", With("bandwidth: 10 GB/s", "bandwidth: -10 GB/s"), "FC0117", 11, 20 },
        { "zero utilization", With("    compute: 4 TOPS", "    compute: 4 TOPS\n    utilization: 0%"), "FC0117", 5, 18 },
        { "utilization over 100%", With("    compute: 4 TOPS", "    compute: 4 TOPS\n    utilization: 101%"), "FC0117", 5, 18 },
        { "headroom of 100%", With("    deploy: [npu]", "    deploy: [npu]\n    gates:\n      headroom: 100%"), "FC0117", 16, 17 },
        { "unknown precision", With("    deploy: [npu]", "    deploy: [npu]\n    precision: int4"), "FC0118", 15, 16 },
        { "unknown overlap", With("    compute: 4 TOPS", "    compute: 4 TOPS\n    overlap: parallel"), "FC0118", 5, 14 },
        { "unknown tier kind", With("        size: 8 MiB", "        size: 8 MiB\n        kind: flash"), "FC0118", 8, 15 },
        { "duplicate accelerator", With("models:", "  - name: npu\n    compute: 1 TOPS\n    memory: [{name: m, kind: sram, size: 1 MiB, bandwidth: 1 GB/s}]\nmodels:"), "FC0119", 12, 11 },
        { "duplicate tier", With("      - name: dram", "      - name: sram"), "FC0119", 9, 15 },
        { "duplicate model", Base + "\n  - name: resnet50\n    source: zoo:resnet18\n    deploy: [npu]\n", "FC0119", 15, 11 },
        { "deploy to an undeclared accelerator", With("deploy: [npu]", "deploy: [nup]"), "FC0120", 14, 14 },
        { "invalid resolution", With("    deploy: [npu]", "    deploy: [npu]\n    resolutions: [608y608]"), "FC0206", 15, 19 },
        { "zero resolution", With("    deploy: [npu]", "    deploy: [npu]\n    resolutions: [608x608, 0x0]"), "FC0207", 15, 28 },
        { "batch 0", With("    deploy: [npu]", "    deploy: [npu]\n    batch: 0"), "FC0121", 15, 12 },
        { "batch not an integer", With("    deploy: [npu]", "    deploy: [npu]\n    batch: 1.5"), "FC0121", 15, 12 },
        { "batch too large", With("    deploy: [npu]", "    deploy: [npu]\n    batch: 4097"), "FC0121", 15, 12 },
        { "tiles 0", With("        size: 8 MiB", "        size: 8 MiB\n        tiles: 0"), "FC0121", 8, 16 },
        { "empty models", With("models:\n  - source: zoo:resnet50\n    deploy: [npu]", "models: []\n"), "FC0122", 12, 9 },
        { "empty accelerators", "version: 1\naccelerators: []\nmodels: []\n", "FC0122", 2, 15 },
        { "empty memory", "version: 1\naccelerators:\n  - name: npu\n    compute: 4 TOPS\n    memory: []\nmodels: []\n", "FC0122", 5, 13 },
        { "empty deploy", With("deploy: [npu]", "deploy: []"), "FC0122", 14, 13 },
        { "gate names a missing tier", With("    deploy: [npu]", "    deploy: [npu]\n    gates:\n      weights: hbm"), "FC0123", 16, 16 },
        { "key without a value", With("compute: 4 TOPS", "compute:"), "FC0124", 4, 13 },
        { "tier capacity overflows", With("        size: 8 MiB", "        size: 8 TiB\n        tiles: 2000000000"), "FC0125", 6, 9 },
        { "anchor", With("compute: 4 TOPS", "compute: &c 4 TOPS"), "FC0104", 4, 14 },
        { "multiple documents", Base + "\n---\nversion: 1\n", "FC0106", 15, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachErrorHasItsIdAndPosition(string name, string yaml, string id, int line, int column)
    {
        var d = Fail(yaml);
        Assert.True(id == d.Id, $"{name}: expected {id}, got {d.Format()}");
        Assert.Equal(new SourceLocation("m.yaml", line, column), d.Location);
        Assert.False(string.IsNullOrWhiteSpace(d.Hint), name);
    }

    [Fact]
    public void ADuplicateNamePointsBackAtTheFirst()
    {
        var d = Fail(Base + "\n  - name: resnet50\n    source: zoo:resnet18\n    deploy: [npu]\n");
        Assert.Contains("model 'resnet50' is declared twice (first at line 13)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBaseManifestIsValid()
    {
        var doc = ManifestParser.Parse("m.yaml", Base);
        Assert.Equal("resnet50", Assert.Single(doc.Models).Name);
    }

    [Fact]
    public void UnknownKeysSuggestTheClosestAllowedKey()
    {
        Assert.Contains("did you mean 'models'?", Fail(With("models:", "modles:")).Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'perKernel'?", Fail(With("    memory:", "    code:\n      perkernel: 1 KiB\n    memory:")).Message, StringComparison.Ordinal);
        var d = Fail(With("    compute:", "    computer:"));
        Assert.Contains("did you mean 'compute'?", d.Message, StringComparison.Ordinal);
        Assert.Contains("name, compute, utilization, overlap, memory, code", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void UndeclaredAcceleratorsSuggestADeclaredOne()
    {
        var d = Fail(With("deploy: [npu]", "deploy: [nup]"));
        Assert.Contains("did you mean 'npu'?", d.Message, StringComparison.Ordinal);
        Assert.Contains("declared accelerators: npu", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownValuesListTheAllowedOnes()
    {
        Assert.Contains("int8, int16, fp16, fp32", Fail(With("    deploy: [npu]", "    deploy: [npu]\n    precision: int4")).Hint, StringComparison.Ordinal);
        Assert.Contains("pipelined, serialized", Fail(With("    compute: 4 TOPS", "    compute: 4 TOPS\n    overlap: parallel")).Hint, StringComparison.Ordinal);
        Assert.Contains("sram, dram", Fail(With("        size: 8 MiB", "        size: 8 MiB\n        kind: flash")).Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingGateTierListsTheAcceleratorsTiers()
    {
        var d = Fail(With("    deploy: [npu]", "    deploy: [npu]\n    gates:\n      weights: hbm"));
        Assert.Contains("accelerator 'npu'", d.Message, StringComparison.Ordinal);
        Assert.Contains("sram, dram", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void AGateTierMustExistOnEveryDeployedAccelerator()
    {
        var yaml = With("models:", """
              - name: edge
                compute: 1 TOPS
                memory:
                  - name: sram
                    size: 1 MiB
                    bandwidth: 10 GB/s
            models:
            """) + "\n    gates:\n      activations: dram\n";
        yaml = yaml.Replace("deploy: [npu]", "deploy: [npu, edge]", StringComparison.Ordinal);
        var d = Fail(yaml);
        Assert.Equal("FC0123", d.Id);
        Assert.Contains("accelerator 'edge'", d.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("m.yaml", 22, 20), d.Location);
    }

    [Fact]
    public void ANumberWithoutAUnitNamesTheExpectedUnits()
    {
        var d = Fail(With("size: 8 MiB", "size: 8388608"));
        Assert.Contains("expected a size such as `8 MiB` or `2 MB`", d.Message, StringComparison.Ordinal);
    }
}
