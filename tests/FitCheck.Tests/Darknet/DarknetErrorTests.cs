using System.Text;
using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Darknet;

namespace FitCheck.Tests.Darknet;

/// <summary>Every way a .cfg can be wrong: the diagnostic id, where it points and that it says what to do.</summary>
public class DarknetErrorTests
{
    private static Diagnostic LoadFails(CfgWriter cfg) => LoadFails(Encoding.UTF8.GetBytes(cfg.ToString()));

    private static Diagnostic LoadFails(byte[] bytes)
    {
        var ex = Assert.Throws<FitCheckException>(() => CfgWriter.Load(bytes));
        Assert.False(string.IsNullOrWhiteSpace(ex.Diagnostic.Hint));
        return ex.Diagnostic;
    }

    private static Diagnostic BuildFails(CfgWriter cfg, Resolution? resolution = null)
    {
        var model = cfg.Load();
        var ex = Assert.Throws<FitCheckException>(() => model.Build(resolution ?? model.DefaultResolution, 1));
        Assert.False(string.IsNullOrWhiteSpace(ex.Diagnostic.Hint));
        return ex.Diagnostic;
    }

    private static void AssertAt(Diagnostic d, string id, int line, int column)
    {
        Assert.Equal(id, d.Id);
        Assert.Equal(new SourceLocation("test.cfg", line, column), d.Location);
    }

    [Fact]
    public void UnknownSectionSuggestsTheClosestName()
    {
        var cfg = new CfgWriter().Net();
        var line = cfg.NextLine;
        var d = LoadFails(cfg.Section("convolutinal", ("filters", 2)));
        AssertAt(d, "FC0406", line, 1);
        Assert.Contains("did you mean [convolutional]?", d.Message);
        Assert.Contains("[route]", d.Hint);
    }

    [Fact]
    public void SectionsOfOtherDarknetForksAreUnknownWithTheClosestName()
    {
        // [implicit_add] is the hank-ai fork's; the AlexeyAB and pjreddie parsers know only [implicit].
        var cfg = new CfgWriter().Net();
        var line = cfg.NextLine;
        var d = LoadFails(cfg.Section("implicit_add", ("filters", 4)));
        AssertAt(d, "FC0406", line, 1);
        Assert.Contains("did you mean [implicit]?", d.Message);
    }

    [Fact]
    public void UnknownKeySuggestsTheClosestKeyOfThatSection()
    {
        var cfg = new CfgWriter().Net().Conv(4);
        var line = cfg.NextLine + 1;
        var d = LoadFails(cfg.Section("convolutional", ("filtres", 4)));
        AssertAt(d, "FC0408", line, 1);
        Assert.Equal("unknown key 'filtres' in [convolutional]; did you mean 'filters'?", d.Message);
    }

    [Fact]
    public void UnknownActivationSuggestsTheClosest()
    {
        var cfg = new CfgWriter().Net();
        var line = cfg.NextLine + 1;
        var d = LoadFails(cfg.Section("convolutional", ("activation", "leakey")));
        AssertAt(d, "FC0415", line, 12);
        Assert.Contains("did you mean 'leaky'?", d.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("3.5")]
    [InlineData("")]
    [InlineData("0x10")]
    public void NonNumericValuesPointAtTheValue(string value)
    {
        var cfg = new CfgWriter().Net();
        var line = cfg.NextLine + 1;
        var d = LoadFails(cfg.Section("convolutional", ("filters", value)));
        AssertAt(d, "FC0409", line, 9);
    }

    [Fact]
    public void AListItemThatIsNotANumberPointsAtThatItem()
    {
        var cfg = new CfgWriter().Net().Conv(2).Conv(2);
        var line = cfg.NextLine + 1;
        AssertAt(LoadFails(cfg.Section("route", ("layers", "-1, x"))), "FC0409", line, 12);
    }

    [Theory]
    [InlineData("convolutional", "filters", "0")]
    [InlineData("convolutional", "size", "0")]
    [InlineData("convolutional", "stride", "0")]
    [InlineData("convolutional", "filters", "1000000000000")]
    [InlineData("convolutional", "filters", "-5")]
    [InlineData("convolutional", "size", "99999999999999999999999")]
    [InlineData("maxpool", "stride", "0")]
    [InlineData("upsample", "stride", "100000")]
    [InlineData("connected", "output", "0")]
    public void AbsurdValuesAreOutOfRange(string section, string key, string value)
    {
        var cfg = new CfgWriter().Net();
        var line = cfg.NextLine + 1;
        var d = LoadFails(cfg.Section(section, (key, value)));
        AssertAt(d, "FC0410", line, key.Length + 2);
        Assert.Contains("must be between", d.Hint);
    }

    [Fact]
    public void AbsurdInputSizesInNetAreOutOfRange()
    {
        var d = LoadFails(new CfgWriter().Net(width: 1_000_000).Conv(2));
        AssertAt(d, "FC0410", 2, 7);
    }

    [Theory]
    [InlineData("route", "layers", "2", 2)]       // itself
    [InlineData("route", "layers", "-1, 5", 5)]   // forward
    [InlineData("route", "layers", "-3", -1)]     // before the first layer
    [InlineData("shortcut", "from", "-9", -7)]
    [InlineData("shortcut", "from", "7", 7)]
    public void ReferencesMustPointBackwardsIntoTheNetwork(string section, string key, string value, int resolved)
    {
        var cfg = new CfgWriter().Net().Conv(2).Conv(2);
        var line = cfg.NextLine + 1;
        var d = LoadFails(cfg.Section(section, (key, value)));
        Assert.Equal("FC0411", d.Id);
        Assert.Equal(line, d.Location!.Line);
        Assert.Contains($"refers to layer {resolved}", d.Message);
        Assert.Contains("this is layer 2", d.Hint);
    }

    [Fact]
    public void MissingNetPointsAtTheFirstSection()
    {
        var d = LoadFails(new CfgWriter().Raw("# no net").Conv(4));
        AssertAt(d, "FC0404", 2, 1);
    }

    [Fact]
    public void NetMayAppearOnlyFirst()
    {
        var cfg = new CfgWriter().Net().Conv(2);
        var line = cfg.NextLine;
        AssertAt(LoadFails(cfg.Net()), "FC0418", line, 1);
    }

    [Fact]
    public void NetNeedsTheInputSize() =>
        AssertAt(LoadFails(new CfgWriter().Section("net", ("width", 8), ("channels", 3))), "FC0412", 1, 1);

    [Theory]
    [InlineData("")]
    [InlineData("\n\n# only comments\n; and more\n")]
    public void EmptyFilesHaveNoSections(string text) =>
        AssertAt(LoadFails(Encoding.UTF8.GetBytes(text)), "FC0403", 1, 1);

    [Fact]
    public void NulBytesMeanTheFileIsNotText()
    {
        var bytes = Encoding.UTF8.GetBytes("[net]\nwidth=8\nhei\0ght=8\n");
        AssertAt(LoadFails(bytes), "FC0402", 3, 4);
    }

    [Fact]
    public void ATruncatedSectionHeaderHasNoClosingBracket()
    {
        var cfg = new CfgWriter().Net().Conv(2);
        var line = cfg.NextLine;
        var d = LoadFails(Encoding.UTF8.GetBytes(cfg + "[convolu"));
        AssertAt(d, "FC0405", line, 1);
        Assert.Contains("'[convolu'", d.Message);
    }

    [Fact]
    public void KeysNeedASectionAndLinesNeedAnEqualsSign()
    {
        AssertAt(LoadFails(new CfgWriter().Raw("width=8").Net()), "FC0414", 1, 1);
        AssertAt(LoadFails(new CfgWriter().Net().Raw("  filters 4")), "FC0413", 6, 3);
    }

    [Fact]
    public void KeysThatChangeShapesInUnmodelledWaysAreRejected()
    {
        var cfg = new CfgWriter().Net();
        var line = cfg.NextLine + 2;
        AssertAt(LoadFails(cfg.Section("convolutional", ("filters", 4), ("antialiasing", 1))), "FC0416", line, 14);
    }

    [Fact]
    public void ShapeErrorsAreLocatedAtTheirSection()
    {
        // 8x8 and the unpadded (8 - 3) + 1 = 6x6 differ by no whole factor, so Darknet could not add them either.
        var cfg = new CfgWriter().Net(8, 8, 3).Conv(4).Section("convolutional", ("filters", 8), ("size", 3));
        var line = cfg.NextLine;
        var d = BuildFails(cfg.Section("shortcut", ("from", -2)));
        AssertAt(d, "FC0203", line, 1);
        Assert.EndsWith("(Darknet layer 2, [shortcut])", d.Message);
    }

    [Fact]
    public void ReorgOfAMapThatDoesNotSplitIsAShapeError()
    {
        var cfg = new CfgWriter().Net(6, 6, 3);
        var line = cfg.NextLine;
        AssertAt(BuildFails(cfg.Section("reorg", ("stride", 4))), "FC0203", line, 1);
    }

    [Fact]
    public void GroupedRouteNeedsDivisibleChannels()
    {
        var cfg = new CfgWriter().Net().Conv(3);
        var line = cfg.NextLine;
        AssertAt(BuildFails(cfg.Section("route", ("layers", -1), ("groups", 2))), "FC0203", line, 1);
    }

    [Fact]
    public void OverflowingSizesAreLocatedAtTheirSection()
    {
        var cfg = new CfgWriter().Net(65536, 65536, 3).Conv(1 << 20, 1);
        var line = cfg.NextLine;
        AssertAt(BuildFails(cfg.Section("upsample", ("stride", 1024))), "FC0204", line, 1);
    }

    [Fact]
    public void FilesOver16MiBAreNotRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fitcheck-{Guid.NewGuid():N}.cfg");
        try
        {
            using (var f = File.Create(path))
            {
                f.SetLength(16L * 1024 * 1024 + 1);
            }

            var ex = Assert.Throws<FitCheckException>(() => DarknetModel.Load(path));
            Assert.Equal("FC0401", ex.Diagnostic.Id);
            Assert.Equal(path, ex.Diagnostic.Location!.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AStreamOver16MiBIsCutOffWhileReading()
    {
        var bytes = new byte[16 * 1024 * 1024 + 10];
        Array.Fill(bytes, (byte)'\n');
        Assert.Equal("FC0401", LoadFails(bytes).Id);
    }

    [Fact]
    public void AMissingFileIsReported()
    {
        var ex = Assert.Throws<FitCheckException>(() => DarknetModel.Load(Path.Combine(Path.GetTempPath(), "no-such-fitcheck.cfg")));
        Assert.Equal("FC0001", ex.Diagnostic.Id);
    }

    [Fact]
    public void DiagnosticsFormatAsFileLineColumn()
    {
        var d = LoadFails(new CfgWriter().Net().Section("convolutional", ("filters", "abc")));
        Assert.StartsWith("test.cfg(7,9): error FC0409: 'filters' must be a whole number, not 'abc'", d.Format());
    }

    [Fact]
    public void MoreSectionsThanAnyNetworkHasAreRejected()
    {
        var text = "[net]\nwidth=8\nheight=8\nchannels=3\n" + string.Concat(Enumerable.Repeat("[dropout]\n", 65536));
        AssertAt(LoadFails(Encoding.UTF8.GetBytes(text)), "FC0417", 65540, 1);
    }

    [Fact]
    public void OverlongReferenceListsAreRejected()
    {
        var cfg = new CfgWriter().Net().Conv(2);
        var line = cfg.NextLine + 1;
        var d = LoadFails(cfg.Section("route", ("layers", string.Join(",", Enumerable.Repeat("-1", 1025)))));
        AssertAt(d, "FC0419", line, 8);
    }

    [Fact]
    public void TheFirstLayerCannotReferToAnything()
    {
        var d = LoadFails(new CfgWriter().Net().Section("shortcut", ("from", -1)));
        Assert.Equal("FC0411", d.Id);
        Assert.Contains("no earlier layer", d.Hint);
    }

    [Fact]
    public void MessagesQuoteAtMostAShortPieceOfTheInput()
    {
        var d = LoadFails(new CfgWriter().Net().Section("convolutional", (new string('x', 100_000), 1)));
        Assert.Equal("FC0408", d.Id);
        Assert.True(d.Message.Length < 120, d.Message);
    }
}
