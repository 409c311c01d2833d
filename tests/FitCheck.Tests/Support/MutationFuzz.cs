using FitCheck.Diagnostics;

namespace FitCheck.Tests.Support;

/// <summary>
/// The deterministic mutation fuzzer shared by the binary importers' tests (ONNX, TFLite): seeded byte flips,
/// overwritten 32-bit words, truncations, inserted garbage and spliced spans of a valid file. Every mutant must
/// import and build, or fail with a <see cref="FitCheckException"/> whose message names no .NET exception —
/// never another exception, never a hang.
/// </summary>
public static class MutationFuzz
{
    /// <summary>How many mutation kinds <see cref="Mutate"/> knows; mutant i uses kind i mod this.</summary>
    public const int Kinds = 5;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Writes <paramref name="count"/> mutants of <paramref name="original"/> with <paramref name="write"/>, runs
    /// <paramref name="importAndBuild"/> on each and returns how often each outcome ("built" or a diagnostic id) came up.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> RunAsync(
        string seed, byte[] original, int count, Func<string, byte[], string> write, Action<string> importAndBuild)
    {
        var random = new Random(seed.Length * 7919);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = write($"{seed}-{i}", Mutate(original, random, i % Kinds));
            var run = Task.Run(() =>
            {
                try
                {
                    importAndBuild(path);
                    return "built";
                }
                catch (FitCheckException e)
                {
                    Assert.DoesNotContain("Exception", e.Diagnostic.Message);
                    return e.Diagnostic.Id;
                }
            });

            // A hang fails the test here instead of blocking the run.
            string outcome;
            try
            {
                outcome = await run.WaitAsync(Limit);
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"mutant {seed}-{i} did not finish in {Limit.TotalSeconds:0} s");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"mutant {seed}-{i} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            File.Delete(path);
        }

        return outcomes;
    }

    /// <summary>"built=3, FC0501=7": for assertion messages.</summary>
    public static string Describe(IReadOnlyDictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}"));

    public static byte[] Mutate(byte[] original, Random random, int kind)
    {
        var bytes = (byte[])original.Clone();
        switch (kind)
        {
            case 0:
                // Flip a few bytes to random values.
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1:
                // Lengths, offsets, vtables and shapes: a 32-bit word replaced by a nearby or an extreme value.
                var at = random.Next(bytes.Length / 4) * 4;
                int[] values = [0, -1, int.MinValue, int.MaxValue, random.Next(-64, 64), random.Next()];
                BitConverter.GetBytes(values[random.Next(values.Length)]).CopyTo(bytes, at);
                return bytes;
            case 2:
                return bytes[..random.Next(bytes.Length)];
            case 3:
                var insert = random.Next(bytes.Length);
                var garbage = new byte[random.Next(1, 16)];
                random.NextBytes(garbage);
                return [.. bytes[..insert], .. garbage, .. bytes[insert..]];
            default:
                // A span of the file copied over another place (duplicated structure, wrong offsets).
                var start = random.Next(bytes.Length);
                var length = random.Next(1, Math.Min(64, bytes.Length - start) + 1);
                var to = random.Next(bytes.Length);
                return [.. bytes[..to], .. bytes.AsSpan(start, length).ToArray(), .. bytes[to..]];
        }
    }
}
