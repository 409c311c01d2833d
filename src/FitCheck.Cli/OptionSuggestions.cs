using FitCheck.Diagnostics;
using McMaster.Extensions.CommandLineUtils;

namespace FitCheck.Cli;

/// <summary>
/// "Did you mean" for a mistyped option or command: the closest of the options and subcommands the failing
/// command has (read from McMaster's builder objects, no reflection), with that command's help in the hint.
/// </summary>
internal static class OptionSuggestions
{
    public static Diagnostic Diagnose(CommandParsingException e)
    {
        var command = e.Command;
        var path = CommandPath(command);
        var hint = $"run `{path} --help` for its {(command.Commands.Count > 0 ? "commands and " : "")}options";
        if (Token(e.Message) is not { } token)
        {
            return DiagnosticCatalog.InvalidArgument(e.Message, hint);
        }

        var candidates = token.StartsWith('-')
            ? command.GetOptions().SelectMany(o => new[] { o.LongName is null ? null : "--" + o.LongName, o.ShortName is null ? null : "-" + o.ShortName })
                .OfType<string>()
            : command.Commands.Select(c => c.Name).OfType<string>();
        var guess = Suggest.Closest(token, candidates);
        return DiagnosticCatalog.InvalidArgument(e.Message + (guess is null ? "" : $"; did you mean '{guess}'?"), hint);
    }

    /// <summary>The quoted word of "Unrecognized option '--formt'", or null.</summary>
    private static string? Token(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start + 1 ? message[(start + 1)..end] : null;
    }

    private static string CommandPath(CommandLineApplication command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parent)
        {
            names.Insert(0, c.Name ?? "");
        }

        return string.Join(' ', names).Trim();
    }
}
