using System.Globalization;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models.Zoo;
using FitCheck.Units;
using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;

namespace FitCheck.Cli;

/// <summary>`dotnet fitcheck zoo`: the built-in models with their parameter counts at the default resolution.</summary>
internal static class ZooCommand
{
    public static void Register(CommandLineApplication app, CliContext context) =>
        app.Command("zoo", cmd =>
        {
            cmd.Description = "List the built-in models (use them as zoo:<name>) and accelerator presets (use them as `preset: <name>` or --accelerator <name>).";
            cmd.ExtendedHelpText = """

                Examples:
                  dotnet fitcheck zoo
                  dotnet fitcheck zoo --operators    # the ONNX operators FitCheck reads, as a Markdown table
                """;
            var operators = cmd.Option("--operators", "List the supported ONNX operators (Markdown: family, operators, how they are counted) instead of the models.", CommandOptionType.NoValue);
            cmd.OnExecute(() =>
            {
                context.Out.Write(operators.HasValue() ? FitCheck.Models.Onnx.OnnxOperators.MarkdownTable() : Render(context.UseColor));
                return FitCheckApp.Passed;
            });
        });

    public static string Render(bool color)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var console = ConsoleFactory.Create(writer, color, ConsoleReport.DefaultWidth);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("model");
        table.AddColumn("default input");
        table.AddColumn(new TableColumn("params").RightAligned());
        table.AddColumn(new TableColumn("GMACs").RightAligned());
        table.AddColumn("description");
        foreach (var m in ModelZoo.All)
        {
            var network = m.Build(m.DefaultResolution, 1);
            table.AddRow(
                new Text("zoo:" + m.Name),
                new Text(m.DefaultResolution.ToString()),
                new Text(Numbers.Millions(network.Parameters)),
                new Text(Numbers.Giga(network.Macs)),
                new Text(m.Description));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ModelZoo.All.Count} models. Parameters count batch norm as folded into a bias."));
        console.WriteLine();
        var presets = new Table().Border(TableBorder.Rounded);
        presets.AddColumn("preset");
        presets.AddColumn(new TableColumn("TOPS").RightAligned());
        presets.AddColumn("memory (fastest first)");
        presets.AddColumn("overlap");
        presets.AddColumn("description");
        foreach (var p in AcceleratorPresets.All)
        {
            var a = p.Accelerator;
            var memory = string.Join(", ", a.Tiers.Select(t =>
                $"{t.Name} {ByteFormat.Human(t.CapacityBytes)} @ {(t.BandwidthBytesPerSecond / 1e9).ToString("0.###", CultureInfo.InvariantCulture)} GB/s"));
            presets.AddRow(
                new Text(p.Name),
                new Text((a.MacsPerSecond * 2 / 1e12).ToString("0.###", CultureInfo.InvariantCulture)),
                new Text(memory),
                new Text(a.Overlap == OverlapMode.Pipelined ? "pipelined" : "serialized"),
                new Text(p.Description));
        }

        console.Write(presets);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{AcceleratorPresets.All.Count} accelerator presets. Every value cites a public source or is marked as an assumption in src/FitCheck.Core/Hardware/Presets/presets.yml."));
        return writer.ToString();
    }
}
