using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Manifest;

namespace FitCheck.Cli;

/// <summary>
/// Finds the accelerators named by `--accelerator`: in the manifest given with `--manifest` (or
/// ./fitcheck.yml when present), else among the built-in presets.
/// </summary>
internal static class AcceleratorChoice
{
    public const string Help = "Accelerator name: one from the manifest, or a preset (see `dotnet fitcheck zoo`).";

    public const string ManifestHelp = "Manifest to take accelerators from. Default: ./fitcheck.yml when it exists, else presets only.";

    public static IReadOnlyList<Accelerator> Resolve(CliContext context, IReadOnlyList<string?> names, string? manifestPath)
    {
        var fromManifest = LoadManifest(context, manifestPath);
        var result = new List<Accelerator>();
        foreach (var raw in names)
        {
            var name = raw?.Trim() ?? "";
            var declared = fromManifest.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
            if (declared is not null)
            {
                result.Add(declared);
                continue;
            }

            if (AcceleratorPresets.TryGet(name, out var preset))
            {
                result.Add(preset.Accelerator);
                continue;
            }

            var known = fromManifest.Select(a => a.Name).Concat(AcceleratorPresets.All.Select(p => p.Name)).ToArray();
            var guess = Suggest.Closest(name, known);
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument(
                $"unknown accelerator '{name}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                $"use an accelerator from the manifest or a preset: {string.Join(", ", known)}"));
        }

        return result;
    }

    private static IReadOnlyList<Accelerator> LoadManifest(CliContext context, string? manifestPath) =>
        ManifestFile.Choose(context, manifestPath) is { } path ? ManifestFile.Read(context, path).Accelerators : [];
}
