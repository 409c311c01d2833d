using FitCheck.Models.Tflite;

namespace FitCheck.Tests.Tflite;

/// <summary>A per-test temporary directory for written .tflite files, removed afterwards.</summary>
public sealed class TfliteTestFiles : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("fitcheck-tflite-").FullName;

    public string Directory => _dir;

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    internal string Write(string name, TfliteWriter writer) => Write(name, writer.ToBytes());

    internal TfliteModel Load(string name, TfliteWriter writer) => TfliteModel.Load(Write(name, writer));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
