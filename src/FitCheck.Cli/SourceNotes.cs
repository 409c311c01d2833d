using FitCheck.Models;

namespace FitCheck.Cli;

/// <summary>
/// Writes what a model source says about how it was read (a .tflite file's weight storage, skipped subgraphs,
/// an Edge TPU executable) to stderr as `note:` lines, so the report on stdout stays machine-readable.
/// </summary>
internal static class SourceNotes
{
    public static void Write(CliContext context, IModelSource source)
    {
        foreach (var note in source.Notes)
        {
            context.Error.WriteLine($"note: {source.Name}: {note}");
        }
    }
}
