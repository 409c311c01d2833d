namespace FitCheck.Diagnostics;

/// <summary>
/// FC07xx: build integration. A failed gate is a result (exit 1), not bad input, but an MSBuild error or
/// warning needs a code of its own so IDEs can list it and projects can demote it with WarningsNotAsErrors.
/// </summary>
public static partial class DiagnosticCatalog
{
    public const string GateFailedId = "FC0701";

    public static Diagnostic GateFailed(string model, string resolution, string accelerator, string gate, string message, SourceLocation? at) =>
        new(GateFailedId, $"{model} {resolution} on {accelerator}: gate '{gate}' failed: {message}", at,
            "raise the budget in the manifest, lower the resolution, or choose a precision or accelerator the model fits; " +
            "set FitCheckTreatFailuresAsWarnings=true to report without failing the build");
}
