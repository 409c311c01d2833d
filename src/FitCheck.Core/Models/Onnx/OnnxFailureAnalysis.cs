using FitCheck.Diagnostics;

namespace FitCheck.Models.Onnx;

/// <summary>
/// Turns a protobuf parse failure into a precise diagnostic. The stream only says "truncated" or "malformed",
/// so this re-reads, from a fresh handle, the header of the field each open message was reading when it
/// failed (outermost first): the first one whose varint is broken, whose value runs past the end of the file,
/// or whose length overruns the message around it is the culprit. Runs only on the error path.
/// </summary>
internal static class OnnxFailureAnalysis
{
    public static Diagnostic Diagnose(string path, string file, long fileLength, IReadOnlyList<OnnxReaderFrame> frames, string reason)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64);
            var enclosingEnd = fileLength;
            foreach (var frame in frames)
            {
                var what = frame.Field.Length > 0 ? frame.Field : $"a field of {frame.Message}";
                var header = new byte[24];
                stream.Position = frame.FieldStart;
                var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
                var pos = 0;
                switch (DecodeVarint(header, read, ref pos, out var tag))
                {
                    case VarintResult.Incomplete:
                        return DiagnosticCatalog.OnnxTruncated(file, frame.FieldStart, fileLength, $"the header of {what}");
                    case VarintResult.Malformed:
                        return DiagnosticCatalog.OnnxCorrupt(file, frame.FieldStart, $"malformed varint in the tag of {what} (more than 10 bytes)");
                }

                if (tag >> 3 == 0)
                {
                    return DiagnosticCatalog.OnnxCorrupt(file, frame.FieldStart, FormattableString.Invariant($"invalid tag {tag} (field number 0) in {frame.Message}"));
                }

                var wire = (int)(tag & 7);
                if (wire == 0)
                {
                    switch (DecodeVarint(header, read, ref pos, out _))
                    {
                        case VarintResult.Incomplete:
                            return DiagnosticCatalog.OnnxTruncated(file, frame.FieldStart, fileLength, $"the value of {what}");
                        case VarintResult.Malformed:
                            return DiagnosticCatalog.OnnxCorrupt(file, frame.FieldStart, $"malformed varint in the value of {what} (more than 10 bytes)");
                    }
                }
                else if (wire is 1 or 5)
                {
                    var end = frame.FieldStart + pos + (wire == 1 ? 8 : 4);
                    if (end > fileLength)
                    {
                        return DiagnosticCatalog.OnnxTruncated(file, frame.FieldStart, fileLength, $"the value of {what}");
                    }
                }
                else if (wire == 2)
                {
                    switch (DecodeVarint(header, read, ref pos, out var length))
                    {
                        case VarintResult.Incomplete:
                            return DiagnosticCatalog.OnnxTruncated(file, frame.FieldStart, fileLength, $"the length of {what}");
                        case VarintResult.Malformed:
                            return DiagnosticCatalog.OnnxCorrupt(file, frame.FieldStart, $"malformed varint in the length of {what} (more than 10 bytes)");
                    }

                    if (length > int.MaxValue)
                    {
                        return DiagnosticCatalog.OnnxTooLarge(file, frame.FieldStart, what, length > long.MaxValue ? long.MaxValue : (long)length);
                    }

                    var payload = frame.FieldStart + pos;
                    var payloadEnd = payload + (long)length;
                    if (payloadEnd > fileLength)
                    {
                        return DiagnosticCatalog.OnnxLengthBeyondEnd(file, frame.FieldStart, what, (long)length, fileLength - payload);
                    }

                    if (payloadEnd > enclosingEnd)
                    {
                        return DiagnosticCatalog.OnnxCorrupt(file, frame.FieldStart,
                            FormattableString.Invariant($"{what} claims {length} bytes, past the end of the {frame.Message} that holds it (byte {enclosingEnd})"));
                    }

                    enclosingEnd = payloadEnd;
                }
                else if (wire is 6 or 7)
                {
                    return DiagnosticCatalog.OnnxCorrupt(file, frame.FieldStart, FormattableString.Invariant($"undefined wire type {wire} in {frame.Message}"));
                }
            }

            var at = frames.Count > 0 ? frames[^1].FieldStart : 0;
            return DiagnosticCatalog.OnnxCorrupt(file, at, reason.TrimEnd('.'));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DiagnosticCatalog.FileUnreadable(file, e.Message);
        }
    }

    private enum VarintResult
    {
        Ok,
        Incomplete,
        Malformed,
    }

    private static VarintResult DecodeVarint(byte[] buffer, int available, ref int pos, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (pos >= available)
            {
                return VarintResult.Incomplete;
            }

            var b = buffer[pos++];
            if (shift < 64)
            {
                value |= (ulong)(b & 0x7f) << shift;
            }

            if ((b & 0x80) == 0)
            {
                return VarintResult.Ok;
            }
        }

        return VarintResult.Malformed;
    }
}
