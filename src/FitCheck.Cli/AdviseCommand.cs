using System.Globalization;
using FitCheck.Advice;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Manifest;
using FitCheck.Models;
using FitCheck.Reports;
using FitCheck.Units;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>
/// `dotnet fitcheck advise (MANIFEST | MODEL -a ACCELERATOR) QUESTION...`: what would fit — the largest
/// resolution, the smallest tier, the highest precision, the best batch — computed by searching with the
/// real gates. Exit 0 when every question has an answer, 1 when some has none, 2 for a bad question.
/// </summary>
internal static class AdviseCommand
{
    public static void Register(CommandLineApplication app, CliContext context) =>
        app.Command("advise", cmd =>
        {
            cmd.Description = "Answer \"what would fit?\": the largest resolution, smallest memory tier, highest precision or best batch at which the gates pass.";
            cmd.ExtendedHelpText = """

                Examples:
                  dotnet fitcheck advise examples/seed/fitcheck.yml --max-resolution
                  dotnet fitcheck advise fitcheck.yml --max-resolution --for activations --format json
                  dotnet fitcheck advise fitcheck.yml --min-memory bulk-sram
                  dotnet fitcheck advise zoo:yolov3 -a coral-edgetpu --max-resolution --resolution 1920x1088
                  dotnet fitcheck advise zoo:resnet50 -a hailo-8 --precision --batch --min-fps 200fps

                With a manifest, every deployment (model x resolution x accelerator) is asked, with its own gates.
                With a model, the gates are --activations (default on-chip), --weights and --min-fps.
                --max-resolution keeps the aspect ratio of the deployment's resolution and walks the model's
                stride grid (e.g. multiples of 32 for YOLOv3). Exit codes: 0 every question answered,
                1 some question has no answer in its range, 2 a bad question (unknown tier, gate or empty range).
                """;
            var target = cmd.Argument("target", "A manifest (.yml/.yaml), or a model: zoo:<name>, a Darknet .cfg or an .onnx file.");
            var maxResolution = cmd.Option("--max-resolution", "The largest resolution at which the gates pass.", CommandOptionType.NoValue);
            var forGate = cmd.Option("--for <GATE>", "Ask about one gate only: its name (activations-fit, min-fps) or its item (activations, weights, code).", CommandOptionType.SingleValue);
            var minMemory = cmd.Option("--min-memory <TIER>", "The smallest size of memory tier TIER at which the gates pass.", CommandOptionType.SingleValue);
            var precision = cmd.Option("--precision", "The highest precision (fp32 > fp16 > int16 > int8) at which the gates pass.", CommandOptionType.NoValue);
            var batch = cmd.Option("--batch", "The batch with the most fps within the memory gates, and the smallest that meets minFps.", CommandOptionType.NoValue);
            var range = cmd.Option("--range <MIN..MAX>", $"Longer side searched by --max-resolution, in pixels. Default: 1..{ResolutionGrid.DefaultMax}.", CommandOptionType.SingleValue);
            var step = cmd.Option("--step <N>", "Side step of the resolution grid. Default: the model's own rule (ONNX: 32, stated as an assumption).", CommandOptionType.SingleValue);
            var maxBatch = cmd.Option("--max-batch <N>", $"Largest batch --batch tries, 1 to 4096. Default: {BatchSearch.DefaultMax}.", CommandOptionType.SingleValue);
            var accelerators = cmd.Option("-a|--accelerator <NAME>", AcceleratorChoice.Help + " With a model; repeat for several.", CommandOptionType.MultipleValue);
            var manifest = cmd.Option("-m|--manifest <FILE>", AcceleratorChoice.ManifestHelp, CommandOptionType.SingleValue);
            var resolution = cmd.Option("-r|--resolution <WxH>", "With a model: the resolution (and aspect ratio) asked about. Default: the model's own.", CommandOptionType.SingleValue);
            var activations = cmd.Option("--activations <WHERE>", "With a model: where the activation arena must fit: on-chip (default), anywhere or a tier name.", CommandOptionType.SingleValue);
            var weights = cmd.Option("--weights <WHERE>", "With a model: where the weights must fit. Default: no gate.", CommandOptionType.SingleValue);
            var minFps = cmd.Option("--min-fps <FPS>", "With a model: the frame-rate floor, e.g. 30fps. Default: no gate.", CommandOptionType.SingleValue);
            var output = ReportOutput.Register(cmd, ReportKind.Advice);
            cmd.OnExecute(() =>
            {
                if (string.IsNullOrWhiteSpace(target.Value))
                {
                    throw new FitCheckException(DiagnosticCatalog.InvalidArgument("missing the manifest or model to advise about",
                        "run `dotnet fitcheck advise fitcheck.yml --max-resolution` or `dotnet fitcheck advise zoo:yolov3 -a coral-edgetpu --max-resolution`"));
                }

                var chosen = output.Parse();
                var (min, max) = ParseRange(range.Value());
                var question = new AdviceQuestion(maxResolution.HasValue(), forGate.Value(), minMemory.Value(), precision.HasValue(), batch.HasValue(),
                    min, max, Positive(step.Value(), "--step", Resolution.MaxSide), Positive(maxBatch.Value(), "--max-batch", 4096) ?? BatchSearch.DefaultMax);
                if (!question.Any)
                {
                    throw new FitCheckException(DiagnosticCatalog.AdviceNoQuestion());
                }

                var cache = new AnalysisCache();
                AdviceReport report;
                if (IsManifest(target.Value))
                {
                    var document = ManifestParser.ParseFile(context.ResolvePath(target.Value), target.Value);
                    var targets = Adviser.Targets(document with { Path = context.ResolvePath(target.Value) });
                    report = new AdviceReport(target.Value, question, Adviser.Advise(targets, question, cache));
                }
                else
                {
                    if (accelerators.Values.Count == 0)
                    {
                        throw new FitCheckException(DiagnosticCatalog.InvalidArgument("advise about a model needs an accelerator",
                            "add -a NAME with a preset (see `dotnet fitcheck zoo`) or an accelerator of --manifest"));
                    }

                    var source = ModelSourceResolver.Resolve(target.Value, context.WorkingDirectory, null);
                    var at = resolution.Value() is { } r ? Resolution.Parse(r) : source.DefaultResolution;
                    var gates = new GateSpec(
                        WeightsIn: weights.Value()?.Trim(),
                        ActivationsIn: activations.Value()?.Trim() ?? GateSpec.OnChip,
                        MinFps: minFps.Value() is { } f ? UnitParser.ParseFrameRate(f, null, "--min-fps") : null);
                    var targets = AcceleratorChoice.Resolve(context, accelerators.Values, manifest.Value())
                        .Select(a => new AdviceTarget(source.Name, source, at, 1, PrecisionPolicy.Choose(null, source), a, gates))
                        .ToList();
                    foreach (var t in targets)
                    {
                        CheckTargets(t);
                    }

                    report = new AdviceReport(null, question, Adviser.Advise(targets, question, cache));
                }

                output.Emit(context, ReportWriter.Render(context, report, chosen, new ReportOptions(FitCheckApp.Version), output.Path is not null));

                return report.AllAnswered ? FitCheckApp.Passed : FitCheckApp.GateFailed;
            });
        });

    private static bool IsManifest(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>An ad-hoc placement target must name a tier of every accelerator asked about.</summary>
    private static void CheckTargets(AdviceTarget t)
    {
        foreach (var where in new[] { t.Gates.ActivationsIn, t.Gates.WeightsIn })
        {
            if (where is null or GateSpec.OnChip or GateSpec.Anywhere || t.Accelerator.FindTier(where) is not null)
            {
                continue;
            }

            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"{t.Accelerator.Name} has no memory tier '{where}'",
                $"use on-chip, anywhere or one of {string.Join(", ", t.Accelerator.Tiers.Select(x => x.Name))}"));
        }
    }

    private static (int Min, int Max) ParseRange(string? text)
    {
        if (text is null)
        {
            return (1, ResolutionGrid.DefaultMax);
        }

        var parts = text.Split("..", 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            || min < 1 || max > Resolution.MaxSide || min > max)
        {
            throw new FitCheckException(DiagnosticCatalog.AdviceBadRange(text));
        }

        return (min, max);
    }

    private static int? Positive(string? text, string option, int limit)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1 || v > limit)
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"{option} '{(text.Length > 20 ? text[..20] + "..." : text)}' is not a whole number from 1 to {limit}",
                $"e.g. {option} 32"));
        }

        return v;
    }
}
