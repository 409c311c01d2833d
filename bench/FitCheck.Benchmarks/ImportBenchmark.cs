using BenchmarkDotNet.Attributes;

namespace FitCheck.Benchmarks;

/// <summary>
/// An importer against the floor it cannot beat: reading the same file once with a FileStream. Subclasses
/// write a large file of 1x1 convolutions (almost all weight bytes, which an importer must skip or map without
/// copying) and import it; the setup checks the import is a success with the expected parameter count, so the
/// benchmark never measures a fast failure.
/// </summary>
[MemoryDiagnoser]
public abstract class ImportBenchmark
{
    private string _dir = "";

    protected string FilePath { get; private set; } = "";

    protected abstract string FileName { get; }

    protected abstract long ExpectedParameters { get; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "fitcheck-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        FilePath = Path.Combine(_dir, FileName);
        WriteFile(FilePath);

        var parameters = LoadAndBuild();
        if (parameters != ExpectedParameters)
        {
            throw new InvalidOperationException($"imported {parameters} parameters, expected {ExpectedParameters}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Baseline = true)]
    public long ReadFileOnce()
    {
        using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
        }

        return total;
    }

    public abstract long LoadAndBuild();

    protected abstract void WriteFile(string path);
}
