using System.Globalization;
using System.Text;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>
/// `dotnet fitcheck calibrate measured.csv -a ACC`: fits the accelerator's utilization to a team's own
/// measurements, prints each row's residual and leave-one-out error, and writes the fitted accelerator as
/// manifest YAML (the preset or accelerator plus a `utilization:` override).
/// </summary>
internal static class CalibrateCommand
{
    public static void Register(CommandLineApplication app, CliContext context) =>
        app.Command("calibrate", cmd =>
        {
            cmd.Description = "Fit an accelerator's utilization to measured fps or latency (log error), with residuals and leave-one-out error.";
            cmd.ExtendedHelpText = """

                The CSV has a header and one measurement per line:
                  model,resolution,precision,batch,fps,latencyMs,note
                  zoo:resnet50,224x224,int8,1,1394,,Hailo model zoo
                (precision defaults to int8, batch to 1; give fps or latencyMs.)

                Examples:
                  dotnet fitcheck calibrate measured.csv -a hailo-8
                  dotnet fitcheck calibrate measured.csv -a npu -m fitcheck.yml -o npu-fitted.yml
                  dotnet fitcheck calibrate measured.csv -a hailo-8 --fit utilization,depthwise
                """;
            var csv = cmd.Argument("measurements", "CSV of measurements from your device (see below).");
            var accelerator = cmd.Option("-a|--accelerator <NAME>", AcceleratorChoice.Help, CommandOptionType.SingleValue);
            var manifest = cmd.Option("-m|--manifest <FILE>", AcceleratorChoice.ManifestHelp, CommandOptionType.SingleValue);
            var fit = cmd.Option("--fit <FACTORS>",
                "Comma-separated factors to fit: utilization (the default), and an efficiency per operator kind: conv, pointwise, depthwise, vector. More than one factor needs at least two measurements more than factors.",
                CommandOptionType.SingleValue);
            var output = cmd.Option("-o|--output <FILE>", "Write the fitted accelerator as manifest YAML to FILE (default: printed after the table).", CommandOptionType.SingleValue);
            cmd.OnExecute(() =>
            {
                if (csv.Value is not { } path)
                {
                    throw new FitCheckException(DiagnosticCatalog.InvalidArgument("missing the measurements CSV", "dotnet fitcheck calibrate measured.csv -a ACCELERATOR"));
                }

                if (accelerator.Value() is not { } name)
                {
                    throw new FitCheckException(DiagnosticCatalog.InvalidArgument("missing --accelerator",
                        "name an accelerator from the manifest or a preset, e.g. --accelerator hailo-8 (`dotnet fitcheck zoo` lists presets)"));
                }

                var acc = AcceleratorChoice.Resolve(context, [name], manifest.Value())[0];
                var text = Encoding.UTF8.GetString(InputFiles.ReadBytes(context, path));
                var rows = CalibrationCsv.Parse(text, path);
                var baseDir = Path.GetDirectoryName(context.ResolvePath(path)) ?? context.WorkingDirectory;
                var sources = rows.Select(r => ModelSourceResolver.Resolve(r.Source, baseDir, r.At)).ToList();
                var free = (fit.Value() ?? Calibration.UtilizationFactor).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var result = Calibration.Run(rows, sources, acc, free);
                var manifestPath = ManifestFile.Choose(context, manifest.Value());
                var manifestText = manifestPath is null ? null : File.ReadAllText(context.ResolvePath(manifestPath));
                var yaml = Yaml(result, name, manifestText);
                context.Out.Write(Render(result));
                if (output.Value() is { } file)
                {
                    ReportWriter.WriteFile(context, file, yaml);
                    context.Out.WriteLine($"wrote {file}");
                }
                else
                {
                    context.Out.Write("\n" + yaml);
                }

                return FitCheckApp.Passed;
            });
        });

    public static string Render(CalibrationResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{"model",-28} {"resolution",-11} {"batch",5} {"measured",10} {"fitted",10} {"residual",9} {"leave-1-out",11} {"error",8}\n");
        foreach (var row in r.Rows)
        {
            var loo = row.LeaveOneOutFps is { } l ? l.ToString("0.0", c) : "-";
            var err = row.LeaveOneOutError is { } e ? Percent(e) : "-";
            sb.Append(c, $"{Clip(row.Row.Source, 28),-28} {row.Row.Resolution,-11} {row.Row.Batch,5} {row.MeasuredFps,10:0.0} {row.PredictedFps,10:0.0} {Percent(row.Residual),9} {loo,11} {err,8}\n");
        }

        var n = r.Rows.Count(x => x.LeaveOneOutError is not null);
        sb.Append(c, $"\nfitted utilization {r.Utilization:0.0%} (was {r.Accelerator.Utilization:0.0%}); figures are fps.\n");
        foreach (var (kind, share) in FittedKinds(r))
        {
            sb.Append(c, $"fitted {kind} efficiency {share:0.0%}\n");
        }

        sb.Append(c, $"leave-one-out: {r.WithinLeaveOneOut(0.25)} of {n} rows within ±25%, median error {r.MedianLeaveOneOutError:0.0%}\n");
        return sb.ToString();
    }

    /// <summary>
    /// The accelerator as a manifest entry with the fitted utilization: the manifest's own entry (copied) when
    /// the manifest declares <paramref name="name"/>, else the preset plus the override.
    /// </summary>
    public static string Yaml(CalibrationResult r, string name, string? manifestText = null)
    {
        var header = string.Create(CultureInfo.InvariantCulture,
            $"fitted by `dotnet fitcheck calibrate` on {r.Rows.Count} measurement(s); leave-one-out median error {r.MedianLeaveOneOutError:0.0%}");
        List<(string, string)> fitted = [("utilization", CalibratedAccelerator.Percent(r.Utilization))];
        var kinds = FittedKinds(r).Select(k => (k.Kind, CalibratedAccelerator.Percent(k.Share))).ToList();
        var fromManifest = manifestText is null ? null : CalibratedAccelerator.ForManifestEntry(manifestText, name, header, fitted, kinds);
        return (fromManifest ?? CalibratedAccelerator.ForPreset(name, header, fitted, kinds)) + "\n";
    }

    private static IEnumerable<(string Kind, double Share)> FittedKinds(CalibrationResult r)
    {
        var kinds = (r.Fitted ?? r.Accelerator).ComputeShape.Kinds;
        for (var k = 0; k < KindEfficiency.Names.Length; k++)
        {
            if (r.Free.Contains(KindEfficiency.Names[k]))
            {
                yield return (KindEfficiency.Names[k], kinds[k]);
            }
        }
    }

    /// <summary>A signed whole percent; a share that rounds to 0 prints "+0%" (a bare format would give "-+0%").</summary>
    private static string Percent(double share) =>
        (Math.Round(share * 100) + 0.0).ToString("+0;-0;+0", CultureInfo.InvariantCulture) + "%";

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
