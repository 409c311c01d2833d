namespace FitCheck.Diagnostics;

public static partial class DiagnosticCatalog
{
    private const string CalibrationHint =
        "write a header `model,resolution,precision,batch,fps,latencyMs,note` and one measurement per line, e.g. `zoo:resnet50,224x224,int8,1,1394,,vendor table`";

    public static Diagnostic CalibrationCsv(string problem, SourceLocation at) =>
        new("FC1001", $"measurements: {problem}", at, CalibrationHint);

    public static Diagnostic CalibrationFit(string problem, string hint) =>
        new("FC1002", $"calibrate --fit: {problem}", null, hint);
}
