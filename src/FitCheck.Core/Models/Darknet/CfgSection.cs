namespace FitCheck.Models.Darknet;

/// <summary>A `[name]` header and the options under it, as written; nothing is interpreted yet.</summary>
internal sealed class CfgSection(string name, int line, int column)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public List<CfgOption> Options { get; } = [];

    /// <summary>Darknet's option_find returns the first match, so a repeated key keeps its first value.</summary>
    public CfgOption? Find(string key)
    {
        foreach (var o in Options)
        {
            if (o.Key == key)
            {
                return o;
            }
        }

        return null;
    }
}
