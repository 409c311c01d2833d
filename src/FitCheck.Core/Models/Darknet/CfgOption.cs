namespace FitCheck.Models.Darknet;

/// <summary>One `key=value` line of a .cfg section, with 1-based positions for diagnostics.</summary>
internal sealed record CfgOption(string Key, string Value, int Line, int KeyColumn, int ValueColumn);
