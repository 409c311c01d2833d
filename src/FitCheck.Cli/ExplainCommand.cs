using System.Globalization;
using FitCheck.Analysis;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Manifest;
using FitCheck.Models;
using FitCheck.Reports;
using FitCheck.Throughput;
using FitCheck.Units;
using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;

namespace FitCheck.Cli;

/// <summary>`dotnet fitcheck explain MODEL --accelerator A --resolution R`: where the time goes, layer by layer.</summary>
internal static class ExplainCommand
{
    public static void Register(CommandLineApplication app, CliContext context) =>
        app.Command("explain", cmd =>
        {
            cmd.Description = "Per-layer cost of one model on one accelerator: shape, params, MACs, bytes per memory tier, time and bound.";
            cmd.ExtendedHelpText = """

                Examples:
                  dotnet fitcheck explain zoo:yolov3 --accelerator inferx-x1 --resolution 608x608
                  dotnet fitcheck explain zoo:resnet50 -a bulk-sram --manifest examples/seed/fitcheck.yml --format json
                  dotnet fitcheck explain model.onnx -a hailo-8 --format json --output explain.json
                """;
            var model = cmd.Argument("model", "zoo:<name> (see `dotnet fitcheck zoo`), or a path to a Darknet .cfg, an .onnx or a .tflite file.");
            var resolution = cmd.Option("-r|--resolution <WxH>", "Input resolution, e.g. 608x608. Default: the model's own.", CommandOptionType.SingleValue);
            var options = CommonOptions.Register(cmd, Common.Accelerator | Common.Manifest | Common.Model | Common.Report, ReportKind.Explain);
            cmd.OnExecute(() =>
            {
                _ = options.StatedPrecision; // a bad --precision is refused before any work
                var batch = options.Batch;
                var chosen = options.Report.Parse();
                OutputFile.RefuseInputs(context, [options.Report.Path], model.Value is { } m ? [(m, "model")] : []);
                if (options.AcceleratorNames.Count == 0)
                {
                    throw new Diagnostics.FitCheckException(Diagnostics.DiagnosticCatalog.InvalidArgument("missing --accelerator",
                        "name an accelerator from the manifest or a preset, e.g. --accelerator inferx-x1 (`dotnet fitcheck zoo` lists presets)"));
                }

                var acc = options.Accelerators(context)[0];
                var source = options.Resolve(context, model.Value);
                var r = resolution.Value() is { } text ? Resolution.Parse(text) : source.DefaultResolution;
                var analysis = Evaluator.Analyze(source.Name, source, r, batch, options.PrecisionFor(context, source), acc.Code);
                var result = Evaluator.Deploy(analysis, acc, GateSpec.None);
                options.Report.Emit(context, ReportWriter.Render(context, result, chosen, new ReportOptions(FitCheckApp.Version), options.Report.Path is not null));
                return FitCheckApp.Passed;
            });
        });

    public static string Render(CheckResult r, bool color, int width)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var console = ConsoleFactory.Create(writer, color, Math.Max(width, 140));
        var a = r.Analysis;
        var p = r.Placement!;
        var tiers = p.Accelerator.Tiers;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("layer");
        table.AddColumn("kind");
        table.AddColumn("output");
        table.AddColumn(new TableColumn("params").RightAligned());
        table.AddColumn(new TableColumn("MMACs").RightAligned());
        foreach (var t in tiers)
        {
            table.AddColumn(new TableColumn(t.Name).RightAligned());
        }

        table.AddColumn(new TableColumn("eff").RightAligned());
        table.AddColumn(new TableColumn("run").RightAligned());
        table.AddColumn(new TableColumn("time").RightAligned());
        table.AddColumn("bound");
        foreach (var cost in r.Throughput?.Layers ?? [])
        {
            var layer = a.Network.Layers[cost.Layer];
            var cells = new List<string>
            {
                layer.Index.ToString(CultureInfo.InvariantCulture),
                layer.Name,
                layer.Kind.ToString(),
                layer.Output.ToString(),
                layer.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                (layer.Macs / 1e6).ToString("0.0", CultureInfo.InvariantCulture),
            };
            cells.AddRange(cost.TierBytes.Select(b => b == 0 ? "-" : ByteFormat.Human(b)));
            cells.Add(cost.ComputeSeconds == 0 ? "-" : (cost.Efficiency * 100).ToString("0", CultureInfo.InvariantCulture) + "%");
            cells.Add(cost.Run < 0 ? "-" : (cost.Run + 1).ToString(CultureInfo.InvariantCulture));
            cells.Add(Micro(cost.Seconds));
            cells.Add(cost.BoundTier < 0 ? ThroughputModel.ComputeBound : tiers[cost.BoundTier].Name);
            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }

        console.Write(table);
        writer.WriteLine($"{a.Model} {a.Resolution} batch {a.Batch} {a.Precision.Name()} on {p.Accelerator.Name}: {p.Summary}.");
        if (r.Throughput is not { } est)
        {
            writer.WriteLine("It does not fit, so there is no throughput to estimate.");
            return writer.ToString();
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{PerformanceGates.Fps(est.Fps)} fps (compute alone would allow {PerformanceGates.Fps(est.ComputeBoundFps)}), latency {PerformanceGates.Ms(est.LatencySeconds)}, DRAM {ByteFormat.Human(est.DramBytesPerFrame)}/frame = {PerformanceGates.Rate(est.DramBytesPerSecond)}, {est.Bound}-bound."));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"MACs {est.NominalMacs / 1e6:0.0} M nominal, {est.ExecutedMacs / 1e6:0.0} M executed; weights {ByteFormat.Human(est.CachedWeightBytes)} cached, {ByteFormat.Human(est.StreamedWeightBytes)} streamed per frame; host transfer {PerformanceGates.Ms(est.HostSeconds)}."));
        if (est.Stripes.Any)
        {
            var profile = r.Throughput.Layers;
            string Name(int e) => a.Network.Layers[profile[e].Layer].Name;
            writer.WriteLine(StripeSummary.Sentence(est.Stripes, Name, a.Batch) + ":");
            foreach (var line in StripeSummary.Lines(est.Stripes, Name, a.Batch))
            {
                writer.WriteLine(line);
            }
        }

        writer.WriteLine(est.Assumptions.Sentence() + ".");
        writer.WriteLine("Costliest layers:");
        foreach (var cost in ExplainJsonReport.Costliest(r, 5))
        {
            var layer = a.Network.Layers[cost.Layer];
            var share = est.LatencySeconds > 0 ? cost.Seconds / est.LatencySeconds * 100 : 0;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {layer.Name,-16} {Micro(cost.Seconds),12} {share,5:0.0}%  {(cost.BoundTier < 0 ? ThroughputModel.ComputeBound : tiers[cost.BoundTier].Name)}-bound"));
        }

        return writer.ToString();
    }

    private static string Micro(double seconds) => (seconds * 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " µs";
}
