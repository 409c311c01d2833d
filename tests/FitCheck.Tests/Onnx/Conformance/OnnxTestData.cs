namespace FitCheck.Tests.Onnx.Conformance;

/// <summary>Where the ONNX backend node tests are: $FITCHECK_ONNX_TESTDATA, else where libonnx-testdata installs them.</summary>
internal static class OnnxTestData
{
    public const string Variable = "FITCHECK_ONNX_TESTDATA";

    private static readonly string[] Roots = ["/usr/share/libonnx-testdata", "/usr/share/onnx/testdata"];

    public static string? NodeDirectory { get; } = Find();

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        var roots = string.IsNullOrEmpty(fromEnvironment) ? Roots : [fromEnvironment];
        foreach (var root in roots)
        {
            foreach (var candidate in new[] { Path.Combine(root, "data", "node"), Path.Combine(root, "node") })
            {
                if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate, "test_*").Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
