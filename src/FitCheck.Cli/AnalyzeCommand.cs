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
                """;
            var model = cmd.Argument("model", "zoo:<name> (see `dotnet fitcheck zoo`), or a path to a Darknet .cfg, an .onnx or a .tflite file.");
            var resolutions = cmd.Option("-r|--resolution <WxH>", "Input resolution, e.g. 608x608; repeat for several. Default: the model's own.", CommandOptionType.MultipleValue);
            var precision = cmd.Option("-p|--precision <PRECISION>", "int8 (int32 biases), int16, fp16 or fp32. Default: the model file's own (ONNX initializer types, TFLite activation types), else int8.", CommandOptionType.SingleValue);
            var batch = cmd.Option("-b|--batch <N>", "Images per inference, 1 to 4096. Default: 1.", CommandOptionType.SingleValue);
            var inputs = cmd.Option("-i|--input <NAME_EQUALS_N>", "ONNX only: pin a dynamic dimension (its dim_param name) or an input (its name) to N, e.g. samples=16000; a scalar input such as a sample rate takes the value. Repeatable.", CommandOptionType.MultipleValue);
            var report = ReportOutput.Register(cmd, ReportKind.Check);
            cmd.OnExecute(() =>
            {
                var options = CommonOptions.Parse(model.Value, precision.Value(), batch.Value());
                var chosen = report.Parse();
                OutputFile.RefuseInputs(context, [report.Path], [(options.Model, "model")]);
                var source = ModelSourceResolver.Resolve(options.Model, context.WorkingDirectory, null, InputPins.Parse(inputs.Values));
                SourceNotes.Write(context, source);
                var list = resolutions.Values.Count == 0
                    ? [source.DefaultResolution]
                    : resolutions.Values.Select(v => Resolution.Parse(v ?? "")).ToList();
                var results = list
                    .Select(r => new CheckResult(Evaluator.Analyze(source.Name, source, r, options.Batch, options.PrecisionFor(source), CodeSizeModel.Default), null, []))
                    .ToList();
                report.Emit(context, ReportWriter.Render(context, new CheckReport(null, results), chosen, new ReportOptions(FitCheckApp.Version), report.Path is not null));
                return FitCheckApp.Passed;
            });
        });
}

internal sealed record CommonOptions(string Model, Precision? Precision, int Batch)
{
    /// <summary>The stated precision, else what the model file implies (ONNX initializer types), else int8.</summary>
    public Precision PrecisionFor(IModelSource source) => Precision ?? source.NativePrecision ?? Analysis.Precision.Int8;

    public static CommonOptions Parse(string? model, string? precision, string? batch)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument("missing the model",
                "name a built-in model (e.g. zoo:yolov3; `dotnet fitcheck zoo` lists them) or a .cfg/.onnx/.tflite file"));
        }

        Precision? stated = null;
        if (precision is not null && !PrecisionInfo.TryParse(precision, out var p))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"unknown precision '{precision}'",
                $"use one of {string.Join(", ", PrecisionInfo.Names)}"));
        }

        var b = 1;
        if (batch is not null && (!int.TryParse(batch, NumberStyles.None, CultureInfo.InvariantCulture, out b) || b < 1 || b > 4096))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"batch '{batch}' is not a whole number from 1 to 4096",
                "use --batch 1 for latency-bound deployments, larger for throughput"));
        }

        if (precision is not null && PrecisionInfo.TryParse(precision, out var parsed))
        {
            stated = parsed;
        }

        return new CommonOptions(model, stated, b);
    }
}
