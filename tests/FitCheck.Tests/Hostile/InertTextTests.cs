using FitCheck.Diagnostics;

namespace FitCheck.Tests.Hostile;

/// <summary>Text from inputs is escaped and clipped in one place, whatever diagnostic carries it.</summary>
public sealed class InertTextTests
{
    [Theory]
    [InlineData("plain name", "plain name")]
    [InlineData("a\u001b[2Jb", "a\\u001b[2Jb")]
    [InlineData("line\nfake(1,1): error", "line\\nfake(1,1): error")]
    [InlineData("\r\t\0\u007f\u0085", "\\r\\t\\u0000\\u007f\\u0085")]
    [InlineData("\u202eevil", "\\u202eevil")]
    [InlineData("ok \ud83d\ude00", "ok \ud83d\ude00")]
    public void EscapesControlsBidiAndLoneSurrogates(string input, string expected) => Assert.Equal(expected, InertText.Escape(input));

    [Fact]
    public void EscapesALoneSurrogate()
    {
        Assert.Equal("\\ud800x", InertText.Escape(new string(['\ud800', 'x'])));
        Assert.Equal("x\\udc00", InertText.Escape(new string(['x', '\udc00'])));
    }

    [Fact]
    public void ClipsWithACountOfWhatWasCut()
    {
        Assert.Equal(new string('x', 200) + "... (800 more characters)", InertText.Clip(new string('x', 1000)));
        Assert.Equal(new string('x', 200), InertText.Clip(new string('x', 200)));
    }

    [Fact]
    public void FormatMakesEveryPartInertWhateverTheFactoryDid()
    {
        var d = new Diagnostic("FC0999", "node '\u001b]0;title\u0007' " + new string('n', 5000), new SourceLocation("m\n.onnx", 1, 1), "hint\u001b[31m");
        var text = d.Format();
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Equal(2, text.Split('\n').Length);
        Assert.StartsWith("m\\n.onnx(1,1): error FC0999: node '\\u001b]0;title\\u0007' nnn", text);
        Assert.Contains("more characters)", text);
        Assert.True(text.Length < 3200, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
