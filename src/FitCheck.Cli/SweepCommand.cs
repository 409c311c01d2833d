using System.Globalization;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Models;
using FitCheck.Reports;
using FitCheck.Throughput;
using FitCheck.Units;
using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;

namespace FitCheck.Cli;

/// <summary>
/// `dotnet fitcheck sweep MODEL... --resolutions 224..2048/32 [--accelerator A ...] [--chart out.png]`:
/// how weights, activations and fps change with image size — the article's chart.
/// </summary>
internal static class SweepCommand
{
    public static void Register(CommandLineApplication app, CliContext context) =>
        app.Command("sweep", cmd =>
        {
            cmd.Description = "Weights, activations, total memory and fps of one or more models over a range of resolutions.";
            cmd.ExtendedHelpText = """

                Examples:
                  dotnet fitcheck sweep zoo:resnet50 zoo:yolov3 --resolutions 224..2048/32 --chart sweep.png
                  dotnet fitcheck sweep zoo:yolov3 --resolutions 416,608,1920x1088 -a inferx-x1 -a hailo-8 --format csv

                With accelerators, --chart also writes the fps chart next to the memory chart (sweep-fps.png).
                Resolutions a model cannot take (e.g. YOLO sides not divisible by 32) are skipped with a note.
                """;
            var models = cmd.Argument("models", "One or more models: zoo:<name>, or paths to Darknet .cfg, .onnx or .tflite files.", multipleValues: true);
            var resolutions = cmd.Option("-r|--resolutions <RANGE>", "FROM..TO/STEP square sides (e.g. 224..2048/32) or a list (224,608,1920x1088). Default: 224..2048/32.", CommandOptionType.SingleValue);
            var accelerators = cmd.Option("-a|--accelerator <NAME>", AcceleratorChoice.Help + " Repeat for several.", CommandOptionType.MultipleValue);
            var manifest = cmd.Option("-m|--manifest <FILE>", AcceleratorChoice.ManifestHelp, CommandOptionType.SingleValue);
            var precision = cmd.Option("-p|--precision <PRECISION>", "int8 (default; int32 biases), int16, fp16 or fp32.", CommandOptionType.SingleValue);
            var batch = cmd.Option("-b|--batch <N>", "Images per inference, 1 to 4096. Default: 1.", CommandOptionType.SingleValue);
            var report = ReportOutput.Register(cmd, ReportKind.Sweep);
            var chart = cmd.Option("-c|--chart <FILE>", "Also draw the chart to FILE (.svg or .png).", CommandOptionType.SingleValue);
            cmd.OnExecute(() =>
            {
                if (models.Values.Count == 0)
                {
                    throw new FitCheckException(DiagnosticCatalog.InvalidArgument("missing the models to sweep",
                        "name one or more models, e.g. `dotnet fitcheck sweep zoo:resnet50 zoo:yolov3`"));
                }

                var options = CommonOptions.Parse(models.Values[0], precision.Value(), batch.Value());
                var chosen = report.Parse();

                var list = ResolutionRange.Parse(resolutions.Value() ?? "224..2048/32");
                var accs = accelerators.Values.Count == 0 ? [] : AcceleratorChoice.Resolve(context, accelerators.Values, manifest.Value());
                var sources = models.Values.Select(m => ModelSourceResolver.Resolve(m ?? "", context.WorkingDirectory, null)).ToList();
                var sweep = Progress.Run(context, p => Sweep.Run(sources, list, accs, options.Precision, options.Batch, p));
                report.Emit(context, ReportWriter.Render(context, sweep, chosen, new ReportOptions(FitCheckApp.Version), report.Path is not null));
                foreach (var note in sources.SelectMany(s => s.Notes.Select(n => $"{s.Name}: {n}")).Concat(sweep.Notes))
                {
                    context.Error.WriteLine("note: " + note);
                }

                if (chart.Value() is { } file)
                {
                    foreach (var written in SweepChart.Write(sweep, context.ResolvePath(file)))
                    {
                        context.Error.WriteLine("chart: " + Path.GetRelativePath(context.WorkingDirectory, written).Replace('\\', '/'));
                    }
                }

                return FitCheckApp.Passed;
            });
        });

    public static string Table(SweepResult sweep, bool color)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var console = ConsoleFactory.Create(writer, color, ConsoleReport.DefaultWidth);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("model");
        table.AddColumn("resolution");
        table.AddColumn(new TableColumn("MP").RightAligned());
        table.AddColumn(new TableColumn("weights").RightAligned());
        table.AddColumn(new TableColumn("activations").RightAligned());
        table.AddColumn(new TableColumn("total").RightAligned());
        foreach (var a in sweep.Accelerators)
        {
            table.AddColumn(new TableColumn($"fps {a.Name}").RightAligned());
        }

        foreach (var p in sweep.Points)
        {
            var cells = new List<string>
            {
                p.Model,
                p.Resolution.ToString(),
                p.Megapixels.ToString("0.00", CultureInfo.InvariantCulture),
                ByteFormat.Human(p.WeightBytes),
                ByteFormat.Human(p.ActivationBytes),
                ByteFormat.Human(p.TotalBytes),
            };
            cells.AddRange(p.Fps.Select(f => f is { } v ? PerformanceGates.Fps(v) : "no fit"));
            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }

        console.Write(table);
        foreach (var a in sweep.Accelerators)
        {
            writer.WriteLine($"{a.Name}: {ByteFormat.Human(a.OnChipBytes)} on chip.");
        }

        return writer.ToString();
    }
}
