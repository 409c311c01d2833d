using BenchmarkDotNet.Attributes;
using FitCheck.Graph;
using FitCheck.Models.Onnx;
using Google.Protobuf;
using static Google.Protobuf.WireFormat;

namespace FitCheck.Benchmarks;

/// <summary>
/// The ONNX importer against the floor it cannot beat: reading the same file once with a FileStream.
/// The file (written in GlobalSetup, ~250 MB) is 15 1x1 convolutions of 2048 x 2048 fp32 weights, so it is
/// almost all raw_data, which the importer must skip without copying: the target is at most ~2x the read
/// time and under 50 MB allocated.
/// </summary>
public class OnnxImportBenchmarks : ImportBenchmark
{
    private const int Layers = 15;
    private const int Channels = 2048;

    protected override string FileName => "big.onnx";

    protected override long ExpectedParameters => Layers * (((long)Channels * Channels) + Channels);

    protected override void WriteFile(string path) => LargeOnnxFile.Write(path, Layers, Channels);

    [Benchmark]
    public override long LoadAndBuild() => OnnxModel.Load(FilePath).Build(new Resolution(7, 7), 1).Parameters;

    /// <summary>Streams the model to disk: the weights are never held in memory here either.</summary>
    private static class LargeOnnxFile
    {
        public static void Write(string path, int layers, int channels)
        {
            var weightBytes = (long)channels * channels * 4;
            var parts = new List<(byte[] Head, long RawLength)>();
            for (var i = 0; i < layers; i++)
            {
                var input = i == 0 ? "x" : $"r{i - 1}";
                parts.Add((Field(1, Node("Conv", [input, $"w{i}", $"b{i}"], [$"c{i}"], $"conv{i}")), 0));
                parts.Add((Field(1, Node("Relu", [$"c{i}"], [$"r{i}"], $"relu{i}")), 0));
            }

            for (var i = 0; i < layers; i++)
            {
                parts.Add((TensorField($"w{i}", [channels, channels, 1, 1], weightBytes), weightBytes));
                parts.Add((TensorField($"b{i}", [channels], channels * 4L), channels * 4L));
            }

            parts.Add((Field(11, ValueInfo("x", ["N", channels, "H", "W"])), 0));
            parts.Add((Field(12, ValueInfo($"r{layers - 1}", ["N", channels, "H", "W"])), 0));
            var graphLength = parts.Sum(p => p.Head.Length + p.RawLength);

            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            using (var o = new CodedOutputStream(file, leaveOpen: true))
            {
                o.WriteTag(1, WireType.Varint);
                o.WriteInt64(8);
                o.WriteTag(7, WireType.LengthDelimited);
                o.WriteLength(checked((int)graphLength));
            }

            var chunk = new byte[1 << 20];
            new Random(42).NextBytes(chunk);
            foreach (var (head, raw) in parts)
            {
                file.Write(head);
                for (var left = raw; left > 0; left -= chunk.Length)
                {
                    file.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
                }
            }

            file.Write(Message(o =>
            {
                o.WriteTag(8, WireType.LengthDelimited);
                o.WriteBytes(ByteString.CopyFrom(Message(s =>
                {
                    s.WriteTag(2, WireType.Varint);
                    s.WriteInt64(13);
                })));
            }));
        }

        /// <summary>GraphProto.initializer: everything up to and including raw_data's length; the payload follows.</summary>
        private static byte[] TensorField(string name, long[] dims, long rawLength)
        {
            var head = Message(o =>
            {
                foreach (var d in dims)
                {
                    o.WriteTag(1, WireType.Varint);
                    o.WriteInt64(d);
                }

                o.WriteTag(2, WireType.Varint);
                o.WriteInt32(1);
                o.WriteTag(8, WireType.LengthDelimited);
                o.WriteString(name);
                o.WriteTag(9, WireType.LengthDelimited);
                o.WriteLength(checked((int)rawLength));
            });
            return Message(o =>
            {
                o.WriteTag(5, WireType.LengthDelimited);
                o.WriteLength(checked((int)(head.Length + rawLength)));
            }).Concat(head).ToArray();
        }

        private static byte[] Node(string op, string[] inputs, string[] outputs, string name) => Message(o =>
        {
            foreach (var i in inputs)
            {
                o.WriteTag(1, WireType.LengthDelimited);
                o.WriteString(i);
            }

            foreach (var i in outputs)
            {
                o.WriteTag(2, WireType.LengthDelimited);
                o.WriteString(i);
            }

            o.WriteTag(3, WireType.LengthDelimited);
            o.WriteString(name);
            o.WriteTag(4, WireType.LengthDelimited);
            o.WriteString(op);
        });

        private static byte[] ValueInfo(string name, object[] dims) => Message(o =>
        {
            o.WriteTag(1, WireType.LengthDelimited);
            o.WriteString(name);
            var shape = Message(s =>
            {
                foreach (var d in dims)
                {
                    s.WriteTag(1, WireType.LengthDelimited);
                    s.WriteBytes(ByteString.CopyFrom(Message(m =>
                    {
                        if (d is string p)
                        {
                            m.WriteTag(2, WireType.LengthDelimited);
                            m.WriteString(p);
                        }
                        else
                        {
                            m.WriteTag(1, WireType.Varint);
                            m.WriteInt64((int)d);
                        }
                    })));
                }
            });
            var tensor = Message(t =>
            {
                t.WriteTag(1, WireType.Varint);
                t.WriteInt32(1);
                t.WriteTag(2, WireType.LengthDelimited);
                t.WriteBytes(ByteString.CopyFrom(shape));
            });
            o.WriteTag(2, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(Field(1, tensor)));
        });

        private static byte[] Field(int number, byte[] message) => Message(o =>
        {
            o.WriteTag(number, WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(message));
        });

        private static byte[] Message(Action<CodedOutputStream> write)
        {
            using var stream = new MemoryStream();
            using (var output = new CodedOutputStream(stream, leaveOpen: true))
            {
                write(output);
            }

            return stream.ToArray();
        }
    }
}
