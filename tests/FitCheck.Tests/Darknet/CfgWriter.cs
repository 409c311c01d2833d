using System.Globalization;
using System.Text;
using FitCheck.Models.Darknet;

namespace FitCheck.Tests.Darknet;

/// <summary>Writes small .cfg texts for unit tests and remembers the line each section starts on.</summary>
internal sealed class CfgWriter
{
    private readonly StringBuilder _text = new();
    private int _lines;

    /// <summary>The 1-based line the next section or raw line will be written on.</summary>
    public int NextLine => _lines + 1;

    public CfgWriter Net(int width = 32, int height = 32, int channels = 3) =>
        Section("net", ("width", width), ("height", height), ("channels", channels));

    public CfgWriter Conv(long filters, int size = 3, int stride = 1, string activation = "leaky") =>
        Section("convolutional", ("batch_normalize", 1), ("filters", filters), ("size", size), ("stride", stride), ("pad", 1), ("activation", activation));

    public CfgWriter Section(string name, params (string Key, object Value)[] options)
    {
        Raw($"[{name}]");
        foreach (var (key, value) in options)
        {
            Raw(string.Create(CultureInfo.InvariantCulture, $"{key}={value}"));
        }

        return Raw("");
    }

    public CfgWriter Raw(string line)
    {
        _text.Append(line).Append('\n');
        _lines++;
        return this;
    }

    public override string ToString() => _text.ToString();

    public DarknetModel Load(string fileName = "test.cfg") => Load(Encoding.UTF8.GetBytes(ToString()), fileName);

    public static DarknetModel Load(byte[] bytes, string fileName = "test.cfg")
    {
        using var stream = new MemoryStream(bytes);
        return DarknetModel.Load(stream, fileName);
    }
}
