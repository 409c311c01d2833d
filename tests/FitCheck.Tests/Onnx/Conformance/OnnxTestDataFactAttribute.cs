namespace FitCheck.Tests.Onnx.Conformance;

/// <summary>
/// A fact that needs the ONNX project's backend node tests (Debian package libonnx-testdata). Where they are
/// not installed the test is reported as skipped, with the command that installs them, never as passed.
/// </summary>
public sealed class OnnxTestDataFactAttribute : FactAttribute
{
    public OnnxTestDataFactAttribute()
    {
        if (OnnxTestData.NodeDirectory is null)
        {
            Skip = "the ONNX backend node tests are not installed: apt-get install -y libonnx-testdata " +
                $"(or set {OnnxTestData.Variable} to a directory holding data/node)";
        }
    }
}
