using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Manifest;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FitCheck.MSBuild;

/// <summary>
/// Checks a FitCheck manifest inside the build: parses it and evaluates every deployment with FitCheck.Core
/// in this process, then logs each failed gate at the manifest line of its deploy entry, so `dotnet build`
/// prints `fitcheck.yml(LINE,COL): error FC0701: ...` and IDEs list it. Input problems (FC00xx-FC05xx) are
/// always errors at their own location.
/// </summary>
public sealed class FitCheckTask : Microsoft.Build.Utilities.Task
{
    /// <summary>Full path of the manifest (the targets resolve FitCheckManifest against the project directory).</summary>
    [Required]
    public string Manifest { get; set; } = "";

    /// <summary>Log failed gates as warnings so the build passes; input errors stay errors.</summary>
    public bool TreatFailuresAsWarnings { get; set; }

    /// <summary>Deployments that failed at least one gate.</summary>
    [Output]
    public int FailedDeployments { get; set; }

    public override bool Execute()
    {
        try
        {
            var document = ManifestParser.ParseFile(Manifest);
            foreach (var warning in document.Warnings)
            {
                Write(warning, asWarning: true);
            }

            var report = ManifestCheck.Check(document);
            FailedDeployments = report.FailedCount;
            foreach (var result in report.Results.Where(r => r.Passed == false))
            {
                foreach (var gate in result.Gates.Where(g => !g.Passed))
                {
                    var diagnostic = DiagnosticCatalog.GateFailed(result.Analysis.Model, result.Analysis.Resolution.ToString(),
                        result.Accelerator ?? "-", gate.Name, gate.Message, result.DeployLocation);
                    Write(diagnostic, asWarning: TreatFailuresAsWarnings);
                }
            }

            Log.LogMessage(MessageImportance.High, report.FailedCount == 0
                ? $"FitCheck: all {report.Results.Count} deployments in {Manifest} pass."
                : $"FitCheck: {report.FailedCount} of {report.Results.Count} deployments in {Manifest} fail.");
        }
        catch (FitCheckException e)
        {
            foreach (var diagnostic in e.All)
            {
                Write(diagnostic, asWarning: false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Write(DiagnosticCatalog.FileUnreadable(Manifest, e.Message), asWarning: false);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// One MSBuild error or warning with the diagnostic's location; a diagnostic without one points at the
    /// manifest. No subcategory, so the line reads `file(line,col): error FCnnnn: ...` as the CLI prints it.
    /// </summary>
    private void Write(Diagnostic d, bool asWarning)
    {
        var file = d.Location?.File ?? Manifest;
        var line = d.Location?.Line ?? 0;
        var column = d.Location?.Column ?? 0;
        var message = d.Hint is null ? d.Message : $"{d.Message} (hint: {d.Hint})";
        if (asWarning)
        {
            Log.LogWarning(null, d.Id, d.Id, file, line, column, 0, 0, message);
        }
        else
        {
            Log.LogError(null, d.Id, d.Id, file, line, column, 0, 0, message);
        }
    }
}
