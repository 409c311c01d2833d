using Spectre.Console;

namespace FitCheck.Cli;

/// <summary>A Spectre console that renders into a string: colour only when asked, Unicode borders, a fixed width.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole Create(TextWriter writer, bool color, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}
