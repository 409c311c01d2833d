using FitCheck.Reports;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>
/// `-f|--format` and `-o|--output` as every reporting command has them: the help lists the formats that
/// can render the command's <see cref="ReportKind"/> (from <see cref="ReportFormats"/>), and a format the
/// command cannot render is refused (exit 2) instead of printing the table.
/// </summary>
internal sealed class ReportOutput
{
    private readonly CommandOption format;
    private readonly CommandOption output;
    private readonly ReportKind kind;
    private readonly string command;

    private ReportOutput(CommandLineApplication cmd, ReportKind kind)
    {
        this.kind = kind;
        command = cmd.Name ?? "fitcheck";
        format = cmd.Option("-f|--format <FORMAT>", ReportFormats.Help(kind), CommandOptionType.SingleValue);
        output = cmd.Option("-o|--output <FILE>", "Write the report to FILE instead of standard output.", CommandOptionType.SingleValue);
    }

    public static ReportOutput Register(CommandLineApplication cmd, ReportKind kind) => new(cmd, kind);

    public string? Path => output.Value();

    public ReportFormat Parse() => ReportFormats.Parse(format.Value(), kind, command);

    /// <summary>Writes a rendered report to --output (atomically) or to stdout.</summary>
    public void Emit(CliContext context, string text)
    {
        if (Path is { } path)
        {
            OutputFile.Write(context, path, text);
        }
        else
        {
            context.Out.Write(text);
        }
    }
}
