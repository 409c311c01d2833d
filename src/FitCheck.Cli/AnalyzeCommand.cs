using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Reports;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>`dotnet fitcheck analyze MODEL`: the figures for one model, no accelerator, no gates.</summary>
internal static class AnalyzeCommand
{
    public static void Register(CommandLineApplication app, CliContext context) =>
        app.Command("analyze", cmd =>
        {
            cmd.Description = "Weights, activation arena, code size, parameters and MACs of one model at one or more resolutions.";
            cmd.ExtendedHelpText = """

                Examples:
                  dotnet fitcheck analyze zoo:yolov3 --resolution 608x608 --format json
                  dotnet fitcheck analyze zoo:resnet50 -r 224x224 -r 448x448 --precision fp16
                  dotnet fitcheck analyze models/yolov4.cfg --batch 4
                  dotnet fitcheck analyze models/person_detect.tflite --format json
                  dotnet fitcheck analyze silero_vad.onnx --input input=512 --input sr=16000
                  dotnet fitcheck analyze zoo:yolov3 -r 608x608 -a hailo-8 -a coral-edgetpu

                With -a, each resolution is also placed on each accelerator's memory tiers, with its fps;
                no gate is evaluated (use `check` for that).
                """;
            var model = cmd.Argument("model", "zoo:<name> (see `dotnet fitcheck zoo`), or a path to a Darknet .cfg, an .onnx or a .tflite file.");
            var resolutions = cmd.Option("-r|--resolution <WxH>", "Input resolution, e.g. 608x608; repeat for several. Default: the model's own.", CommandOptionType.MultipleValue);
            var options = CommonOptions.Register(cmd, Common.Model | Common.Accelerators | Common.Manifest | Common.Report);
            cmd.OnExecute(() =>
            {
                _ = options.StatedPrecision; // a bad --precision is refused before any work
                var batch = options.Batch;
                var chosen = options.Report.Parse();
                OutputFile.RefuseInputs(context, [options.Report.Path], model.Value is { } m ? [(m, "model")] : []);
                var accelerators = options.Accelerators(context);
                var source = options.Resolve(context, model.Value);
                var precision = options.PrecisionFor(context, source);
                var list = resolutions.Values.Count == 0
                    ? [source.DefaultResolution]
                    : resolutions.Values.Select(v => Resolution.Parse(v ?? "")).ToList();
                var analyses = list.Select(r => Evaluator.Analyze(source.Name, source, r, batch, precision, CodeSizeModel.Default)).ToList();

                // With -a, each analysis is also placed on each accelerator and its fps estimated; no gate is
                // evaluated (that is `check`), so no verdict is shown.
                var results = accelerators.Count == 0
                    ? analyses.Select(a => new CheckResult(a, null, [])).ToList()
                    : analyses.SelectMany(a => accelerators.Select(acc => Evaluator.Deploy(a, acc, GateSpec.None) with { Gates = [] })).ToList();
                var reportOptions = new ReportOptions(FitCheckApp.Version, accelerators);
                options.Report.Emit(context, ReportWriter.Render(context, new CheckReport(null, results), chosen, reportOptions, options.Report.Path is not null));
                return FitCheckApp.Passed;
            });
        });
}
