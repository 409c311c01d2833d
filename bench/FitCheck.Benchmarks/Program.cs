using BenchmarkDotNet.Running;

namespace FitCheck.Benchmarks;

/// <summary>`dotnet run -c Release --project bench/FitCheck.Benchmarks -- --filter '*'`; see bench/README.md.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
