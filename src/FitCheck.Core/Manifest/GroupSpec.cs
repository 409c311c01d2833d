using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Hardware;

namespace FitCheck.Manifest;

/// <summary>
/// One `together:` entry: models deployed together on one accelerator, with how their arenas share memory.
/// Every member is a declared model that deploys to <see cref="Accelerator"/>, at one of its resolutions.
/// </summary>
public sealed record GroupSpec(string Name, string Accelerator, ArenaSharing Arenas, IReadOnlyList<GroupMember> Members, SourceLocation Location);

/// <summary>
/// A member of a group: the model's name and the resolution it runs at in the group; null when the model lists
/// no resolutions (it runs at its source's default, known once the model is loaded).
/// </summary>
public sealed record GroupMember(string Model, Resolution? Resolution, SourceLocation Location)
{
    public string Label => Resolution is { } r ? $"{Model}@{r}" : Model;
}
