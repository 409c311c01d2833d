using FitCheck.Models.Onnx;

namespace FitCheck.Tests.Onnx;

/// <summary>A per-test temporary directory for written .onnx files, removed afterwards.</summary>
public sealed class OnnxTestFiles : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fitcheck-onnx-" + Guid.NewGuid().ToString("N"));

    public OnnxTestFiles() => Directory.CreateDirectory(_dir);

    public string PathOf(string name) => Path.Combine(_dir, name);

    public string Write(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    internal string Write(string name, OnnxWriter writer) => Write(name, writer.ToBytes());

    internal OnnxModel Load(string name, OnnxWriter writer) => OnnxModel.Load(Write(name, writer));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
