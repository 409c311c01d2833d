using System.Text;
using FitCheck.Models.Onnx;
using FitCheck.Tests.Support;
using Xunit.Abstractions;

namespace FitCheck.Tests.Onnx.Conformance;

/// <summary>
/// The ONNX project's backend node tests (932 single-operator models with reference outputs, Debian's
/// libonnx-testdata): every test whose operators FitCheck supports must import and give the reference
/// output dims. Tests that cannot apply are listed, each with its reason, in node-test-exclusions.txt.
/// </summary>
public sealed class OnnxNodeConformanceTests(ITestOutputHelper output)
{
    [OnnxTestDataFact]
    public void EverySupportedNodeTestGivesTheReferenceOutputShape()
    {
        var exclusions = NodeTestExclusions.Load(RepoPaths.Of("tests", "FitCheck.Tests", "Onnx", "Conformance", "node-test-exclusions.txt"));
        var results = Directory.GetDirectories(OnnxTestData.NodeDirectory!, "test_*")
            .Order(StringComparer.Ordinal)
            .Select(NodeTestRunner.Run)
            .ToList();

        var applicable = results.Where(r => r.Outcome != NodeOutcome.NotApplicable).ToList();
        var failures = new StringBuilder();
        var excluded = 0;
        foreach (var r in applicable)
        {
            var reason = exclusions.ReasonFor(r.Test);
            if (r.Outcome == NodeOutcome.Pass)
            {
                if (exclusions.ListsByName(r.Test))
                {
                    output.WriteLine($"now passes, remove its exclusion: {r.Test}");
                }

                continue;
            }

            if (reason is not null && r.Outcome is NodeOutcome.Refused or NodeOutcome.Mismatch)
            {
                output.WriteLine($"excluded {r.Test} ({reason}): {r.Detail}");
                excluded++;
                continue;
            }

            failures.AppendLine($"{r.Test}: {r.Outcome}: {r.Detail}");
        }

        var passed = applicable.Count(r => r.Outcome == NodeOutcome.Pass);
        output.WriteLine($"{results.Count} node tests; {applicable.Count} use only supported operators: " +
            $"{passed} pass, {excluded} excluded, {applicable.Count - passed - excluded} fail");
        foreach (var unused in exclusions.Unused(results.Select(r => r.Test)))
        {
            failures.AppendLine($"{unused}: listed in the exclusion file but no such node test exists");
        }

        Assert.True(failures.Length == 0, "ONNX node tests that FitCheck gets wrong or refuses without a listed reason:\n" + failures);
    }
}
