using System.Globalization;

namespace FitCheck.Tests.Cli;

public class DeterminismTests
{
    private static string JsonUnder(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var r = CliRunner.Run(CliRunner.RepoRoot, "check", "examples/seed/fitcheck.yml", "--format", "json");
            Assert.Equal(1, r.ExitCode);
            return r.Out;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void JsonIsByteIdenticalAcrossRunsAndCultures()
    {
        var invariant = JsonUnder("");
        Assert.Equal(invariant, JsonUnder(""));
        Assert.Equal(invariant, JsonUnder("de-DE"));
        Assert.Equal(invariant, JsonUnder("tr-TR"));
        Assert.Contains("\"schemaVersion\": 1", invariant);
    }

    [Fact]
    public void ConsoleReportIsIdenticalUnderACommaDecimalCulture()
    {
        string Render(string culture)
        {
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                return CliRunner.Run(CliRunner.RepoRoot, "check", "examples/seed/fitcheck.yml").Out;
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        Assert.Equal(Render(""), Render("de-DE"));
    }
}
