using System.Text.RegularExpressions;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Action;

/// <summary>
/// The action's script runs on the bash each runner has: 3.2 on macOS. No bash has 3.2 here, so the
/// bash-4 features are kept out by reading the script (shellcheck runs in .ci/run and in CI).
/// </summary>
public sealed class ActionScriptPortabilityTests
{
    public static TheoryData<string, string> Bash4Features => new()
    {
        { @"\bdeclare\s+-[a-zA-Z]*[An]", "associative arrays and namerefs (declare -A, declare -n)" },
        { @"\blocal\s+-[a-zA-Z]*[An]", "associative arrays and namerefs (local -A, local -n)" },
        { @"\b(mapfile|readarray|coproc)\b", "mapfile, readarray and coproc" },
        { @"\$\{[A-Za-z_][A-Za-z_0-9]*(\[[^]]*\])?(,,?|\^\^?)", "case modification (${x,,}, ${x^^})" },
        { @"&>>|\|&", "&>> and |&" },
        { @"\bwait\s+-n\b", "wait -n" },
        { @"\$\{[A-Za-z_][A-Za-z_0-9]*\[-1\]\}", "negative array indices" },
        { @"\bEPOCH(SECONDS|REALTIME)\b", "EPOCHSECONDS" },
        { @"\bjq\b", "jq, which not every runner has" },
        { @"(?<![-\w])timeout\s+\d", "timeout(1), which macOS lacks" },
    };

    [Theory]
    [MemberData(nameof(Bash4Features))]
    public void TheScriptUsesNoBash4Feature(string pattern, string feature)
    {
        var code = File.ReadAllLines(RepoPaths.Of("scripts", "fitcheck-action.sh"))
            .Select((line, i) => (Line: i + 1, Text: line))
            .Where(l => !l.Text.TrimStart().StartsWith('#'));
        var hits = code.Where(l => Regex.IsMatch(l.Text, pattern)).Select(l => $"line {l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(hits.Count == 0, $"{feature}:\n{string.Join("\n", hits)}");
    }
}
