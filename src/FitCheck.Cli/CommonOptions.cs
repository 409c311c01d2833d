using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Hardware;
using FitCheck.Models;
using FitCheck.Reports;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>The options a command shares with the others; each is registered once, with one help text.</summary>
[Flags]
internal enum Common
{
    None = 0,
    Manifest = 1,
    Precision = 2,
    Batch = 4,
    Inputs = 8,
    Accelerator = 16,
    Accelerators = 32,
    Report = 64,
    Model = Precision | Batch | Inputs,
}

/// <summary>
/// The options analyze, explain, sweep, check and advise share — manifest path, precision, batch, ONNX input
/// pins, accelerator(s), format/output — with one spelling, one help text and one parser each, and one
/// precision policy (<see cref="PrecisionPolicy"/>): stated, else the model file's own, else int8, with a
/// note on stderr whenever it was not stated.
/// </summary>
internal sealed class CommonOptions
{
    public const string PrecisionHelp =
        "int8 (int32 biases), int16, fp16 or fp32. Default: the model file's own (ONNX initializer types, TFLite tensor types), else int8; a note says which was used.";

    private readonly CommandOption? manifest;
    private readonly CommandOption? precision;
    private readonly CommandOption? batch;
    private readonly CommandOption? inputs;
    private readonly CommandOption? accelerators;
    private readonly ReportOutput? report;

    private CommonOptions(CommandLineApplication cmd, Common which, ReportKind kind)
    {
        if (which.HasFlag(Common.Accelerator) || which.HasFlag(Common.Accelerators))
        {
            var many = which.HasFlag(Common.Accelerators);
            accelerators = cmd.Option("-a|--accelerator <NAME>", AcceleratorChoice.Help + (many ? " Repeat for several." : ""),
                many ? CommandOptionType.MultipleValue : CommandOptionType.SingleValue);
        }

        if (which.HasFlag(Common.Manifest))
        {
            manifest = cmd.Option("-m|--manifest <FILE>", AcceleratorChoice.ManifestHelp, CommandOptionType.SingleValue);
        }

        if (which.HasFlag(Common.Precision))
        {
            precision = cmd.Option("-p|--precision <PRECISION>", PrecisionHelp, CommandOptionType.SingleValue);
        }

        if (which.HasFlag(Common.Batch))
        {
            batch = cmd.Option("-b|--batch <N>", "Images per inference, 1 to 4096. Default: 1.", CommandOptionType.SingleValue);
        }

        if (which.HasFlag(Common.Inputs))
        {
            inputs = cmd.Option("-i|--input <NAME_EQUALS_N>",
                "ONNX only: pin a dynamic dimension (its dim_param name) or an input (its name) to N, e.g. samples=16000; a scalar input such as a sample rate takes the value. Repeatable.",
                CommandOptionType.MultipleValue);
        }

        if (which.HasFlag(Common.Report))
        {
            report = ReportOutput.Register(cmd, kind);
        }
    }

    public static CommonOptions Register(CommandLineApplication cmd, Common which, ReportKind kind = ReportKind.Check) => new(cmd, which, kind);

    public string? ManifestPath => manifest?.Value();

    public ReportOutput Report => report ?? throw new InvalidOperationException("the command has no --format");

    public IReadOnlyList<string?> AcceleratorNames => accelerators?.Values ?? [];

    public IReadOnlyDictionary<string, long> Pins => InputPins.Parse(inputs?.Values ?? []);

    /// <summary>The precision stated with --precision, or null to follow the policy.</summary>
    public Precision? StatedPrecision => ParsePrecision(precision?.Value());

    public int Batch => ParseBatch(batch?.Value());

    /// <summary>The accelerators named with -a, from --manifest (or ./fitcheck.yml) or the presets.</summary>
    public IReadOnlyList<Accelerator> Accelerators(CliContext context) =>
        AcceleratorNames.Count == 0 ? [] : AcceleratorChoice.Resolve(context, AcceleratorNames, ManifestPath);

    /// <summary>The precision to analyse <paramref name="source"/> at; says on stderr which it used when not stated.</summary>
    public Precision PrecisionFor(CliContext context, IModelSource source)
    {
        var stated = StatedPrecision;
        if (PrecisionPolicy.Note(stated, source) is { } note)
        {
            context.Error.WriteLine($"note: {source.Name}: {note}");
        }

        return PrecisionPolicy.Choose(stated, source);
    }

    /// <summary>The model source named by the command's argument, with the --input pins.</summary>
    public IModelSource Resolve(CliContext context, string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new FitCheckException(DiagnosticCatalog.InvalidArgument("missing the model",
                "name a built-in model (e.g. zoo:yolov3; `dotnet fitcheck zoo` lists them) or a .cfg/.onnx/.tflite file"));
        }

        var source = ModelSourceResolver.Resolve(model, context.WorkingDirectory, null, Pins);
        SourceNotes.Write(context, source);
        return source;
    }

    private static Precision? ParsePrecision(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return PrecisionInfo.TryParse(text, out var p)
            ? p
            : throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"unknown precision '{InertText.Clip(text)}'",
                $"use one of {string.Join(", ", PrecisionInfo.Names)}"));
    }

    private static int ParseBatch(string? text)
    {
        if (text is null)
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b is >= 1 and <= 4096
            ? b
            : throw new FitCheckException(DiagnosticCatalog.InvalidArgument($"batch '{InertText.Clip(text)}' is not a whole number from 1 to 4096",
                "use --batch 1 for latency-bound deployments, larger for throughput"));
    }
}
