namespace FitCheck.Tests.Support;

/// <summary>
/// Tests that measure time and the process's peak working set run alone, after the parallel classes:
/// another class allocating at the same moment would otherwise be charged to the case being measured.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCollection
{
    public const string Name = "measured: runs alone";
}
