using System.Globalization;

namespace FitCheck.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static Diagnostic BatchNotPositive(string model, int batch, SourceLocation? at = null) =>
        new("FC0208", string.Create(CultureInfo.InvariantCulture, $"{model} cannot run at batch {batch}"), at,
            "the batch must be a whole number of images, 1 or more");
}
