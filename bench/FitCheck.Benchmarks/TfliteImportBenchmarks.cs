using BenchmarkDotNet.Attributes;
using FitCheck.Models.Tflite;
using Google.FlatBuffers;

namespace FitCheck.Benchmarks;

/// <summary>
/// The TensorFlow Lite importer against reading the same file once with a FileStream. The file (written in
/// GlobalSetup with Google.FlatBuffers' builder, ~100 MB) is 6 1x1 convolutions of 2048 x 2048 fp32 weights, so it
/// is almost all buffer data, which the importer memory-maps and never touches: the target is at most 2x the
/// read time and under 50 MB allocated.
/// </summary>
public class TfliteImportBenchmarks : ImportBenchmark
{
    private const int Layers = 6;
    private const int Channels = 2048;

    protected override string FileName => "big.tflite";

    protected override long ExpectedParameters => Layers * (((long)Channels * Channels) + Channels);

    protected override void WriteFile(string path) => File.WriteAllBytes(path, LargeTfliteFile.Build(Layers, Channels));

    [Benchmark]
    public override long LoadAndBuild()
    {
        var model = TfliteModel.Load(FilePath);
        return model.Build(model.DefaultResolution, 1).Parameters;
    }

    /// <summary>A chain of 1x1 CONV_2D layers with fp32 weights and biases, field ids as in schema.fbs.</summary>
    private static class LargeTfliteFile
    {
        public static byte[] Build(int layers, int channels)
        {
            var fb = new FlatBufferBuilder(1 << 20);
            var data = new byte[(long)channels * channels * 4];
            var buffers = new List<int> { Buffer(fb, null) };
            for (var i = 0; i < layers; i++)
            {
                buffers.Add(Buffer(fb, data));
                buffers.Add(Buffer(fb, new byte[channels * 4]));
            }

            var tensors = new List<int> { Tensor(fb, "input", [1, 7, 7, channels], 0) };
            var ops = new List<int>();
            for (var i = 0; i < layers; i++)
            {
                tensors.Add(Tensor(fb, $"conv{i}/filter", [channels, 1, 1, channels], 1 + (2 * i)));
                tensors.Add(Tensor(fb, $"conv{i}/bias", [channels], 2 + (2 * i)));
                tensors.Add(Tensor(fb, $"conv{i}", [1, 7, 7, channels], 0));
                var input = i == 0 ? 0 : 3 * i;
                ops.Add(Conv(fb, [input, (3 * i) + 1, (3 * i) + 2], [(3 * i) + 3]));
            }

            fb.StartTable(4);
            fb.AddSbyte(0, 3, 0);
            fb.AddInt(3, 3, 0);
            var code = fb.EndTable();
            var t = Vector(fb, tensors);
            var inputs = Ints(fb, [0]);
            var outputs = Ints(fb, [3 * layers]);
            var o = Vector(fb, ops);
            fb.StartTable(5);
            fb.AddOffset(0, t, 0);
            fb.AddOffset(1, inputs, 0);
            fb.AddOffset(2, outputs, 0);
            fb.AddOffset(3, o, 0);
            var subgraph = fb.EndTable();
            var codes = Vector(fb, [code]);
            var subgraphs = Vector(fb, [subgraph]);
            var b = Vector(fb, buffers);
            fb.StartTable(5);
            fb.AddUint(0, 3, 0);
            fb.AddOffset(1, codes, 0);
            fb.AddOffset(2, subgraphs, 0);
            fb.AddOffset(4, b, 0);
            fb.Finish(fb.EndTable(), "TFL3");
            return fb.SizedByteArray();
        }

        private static int Buffer(FlatBufferBuilder fb, byte[]? data)
        {
            var v = 0;
            if (data is not null)
            {
                fb.StartVector(1, data.Length, 16);
                fb.Add(data);
                v = fb.EndVector().Value;
            }

            fb.StartTable(3);
            fb.AddOffset(0, v, 0);
            return fb.EndTable();
        }

        private static int Tensor(FlatBufferBuilder fb, string name, int[] shape, int buffer)
        {
            var s = Ints(fb, shape);
            var n = fb.CreateString(name).Value;
            fb.StartTable(4);
            fb.AddOffset(0, s, 0);
            fb.AddUint(2, (uint)buffer, 0);
            fb.AddOffset(3, n, 0);
            return fb.EndTable();
        }

        private static int Conv(FlatBufferBuilder fb, int[] inputs, int[] outputs)
        {
            var i = Ints(fb, inputs);
            var o = Ints(fb, outputs);
            fb.StartTable(6);
            fb.AddInt(1, 1, 0);
            fb.AddInt(2, 1, 0);
            var options = fb.EndTable();
            fb.StartTable(5);
            fb.AddOffset(1, i, 0);
            fb.AddOffset(2, o, 0);
            fb.AddByte(3, 1, 0);
            fb.AddOffset(4, options, 0);
            return fb.EndTable();
        }

        private static int Ints(FlatBufferBuilder fb, int[] values)
        {
            fb.StartVector(4, values.Length, 4);
            for (var k = values.Length - 1; k >= 0; k--)
            {
                fb.AddInt(values[k]);
            }

            return fb.EndVector().Value;
        }

        private static int Vector(FlatBufferBuilder fb, List<int> tables)
        {
            fb.StartVector(4, tables.Count, 4);
            for (var k = tables.Count - 1; k >= 0; k--)
            {
                fb.AddOffset(tables[k]);
            }

            return fb.EndVector().Value;
        }
    }
}
