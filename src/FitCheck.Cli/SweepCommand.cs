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
            var options = CommonOptions.Register(cmd, Common.Accelerators | Common.Manifest | Common.Model | Common.Report, ReportKind.Sweep);
            var chart = cmd.Option("-c|--chart <FILE>", "Also draw the chart to FILE (.svg or .png).", CommandOptionType.SingleValue);
            cmd.OnExecute(() =>
            {
                if (models.Values.Count == 0)
                {
                    throw new FitCheckException(DiagnosticCatalog.InvalidArgument("missing the models to sweep",
                        "name one or more models, e.g. `dotnet fitcheck sweep zoo:resnet50 zoo:yolov3`"));
                }

                var (stated, batch) = (options.StatedPrecision, options.Batch);
                var chosen = options.Report.Parse();

                var list = ResolutionRange.Parse(resolutions.Value() ?? "224..2048/32");
                var accs = options.Accelerators(context);
                var sources = models.Values.Select(m => options.Resolve(context, m)).ToList();
                foreach (var source in sources)
                {
                    // Sweep follows the same policy inside Core; this only says which precision it used.
                    options.PrecisionFor(context, source);
                }

                var sweep = Progress.Run(context, p => Sweep.Run(sources, list, accs, stated, batch, p));
                options.Report.Emit(context, ReportWriter.Render(context, sweep, chosen, new ReportOptions(FitCheckApp.Version), options.Report.Path is not null));
                foreach (var note in sweep.Notes)
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
