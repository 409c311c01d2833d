using System.Text;

namespace FitCheck.Models.Tflite;

/// <summary>
/// Reads the integer and boolean entries of a FlexBuffer map, the format of a custom operator's options
/// (TFLite_Detection_PostProcess keeps max_detections, num_classes … there). Every read is bounds-checked
/// against the options' own span; anything that is not a map of scalars yields what could be read.
/// </summary>
internal static class FlexBufferMap
{
    private const int TypeInt = 1, TypeUInt = 2, TypeFloat = 3, TypeMap = 9, TypeBool = 26;

    public static IReadOnlyDictionary<string, long> Read(MappedFile file, long start, long length)
    {
        try
        {
            return ReadMap(file, start, length);
        }
        catch (OverflowException)
        {
            // An offset wider than the options: not a map this reader understands.
            return new SortedDictionary<string, long>(StringComparer.Ordinal);
        }
    }

    private static SortedDictionary<string, long> ReadMap(MappedFile file, long start, long length)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (length < 3 || length > int.MaxValue)
        {
            return result;
        }

        var bytes = file.Bytes(start, (int)Math.Min(length, 1 << 16));
        if (bytes.Length != length)
        {
            // Options this long are not a detection post-processor's handful of scalars.
            return result;
        }

        var rootWidth = bytes[^1];
        var rootType = bytes[^2];
        var rootPos = bytes.Length - 2 - rootWidth;
        if (rootWidth is not (1 or 2 or 4 or 8) || rootPos < 0 || rootType >> 2 != TypeMap)
        {
            return result;
        }

        var map = rootPos - (long)UInt(bytes, rootPos, rootWidth);
        var width = 1 << (rootType & 3);
        if (map - 3L * width < 0 || map > bytes.Length)
        {
            return result;
        }

        var count = UInt(bytes, map - width, width);
        var keysField = map - 3L * width;
        var keys = keysField - (long)UInt(bytes, keysField, width);
        var keyWidth = (int)UInt(bytes, map - 2L * width, width);
        if (keyWidth is not (1 or 2 or 4 or 8) || count > 256 || map + (long)count * (width + 1) > bytes.Length || keys < 0)
        {
            return result;
        }

        for (var i = 0L; i < (long)count; i++)
        {
            var keyAt = keys + i * keyWidth;
            if (keyAt + keyWidth > bytes.Length)
            {
                break;
            }

            var keyStart = keyAt - (long)UInt(bytes, keyAt, keyWidth);
            var keyEnd = keyStart;
            while (keyEnd >= 0 && keyEnd < bytes.Length && bytes[keyEnd] != 0)
            {
                keyEnd++;
            }

            if (keyStart < 0 || keyEnd >= bytes.Length)
            {
                continue;
            }

            var key = Encoding.UTF8.GetString(bytes, (int)keyStart, (int)(keyEnd - keyStart));
            var packed = bytes[map + (long)count * width + i];
            var valueAt = map + i * width;
            switch (packed >> 2)
            {
                case TypeInt:
                    result[key] = Int(bytes, valueAt, width);
                    break;
                case TypeUInt or TypeBool:
                    result[key] = (long)Math.Min(UInt(bytes, valueAt, width), long.MaxValue);
                    break;
                case TypeFloat:
                    var f = width == 4 ? BitConverter.ToSingle(bytes, (int)valueAt) : width == 8 ? BitConverter.ToDouble(bytes, (int)valueAt) : double.NaN;
                    if (double.IsFinite(f) && Math.Abs(f) < 1e15)
                    {
                        result[key] = (long)f;
                    }

                    break;
            }
        }

        return result;
    }

    private static ulong UInt(byte[] b, long at, int width)
    {
        if (at < 0 || at + width > b.Length)
        {
            return ulong.MaxValue / 2;
        }

        ulong v = 0;
        for (var i = width - 1; i >= 0; i--)
        {
            v = (v << 8) | b[at + i];
        }

        return v;
    }

    private static long Int(byte[] b, long at, int width)
    {
        var u = UInt(b, at, width);
        var shift = 64 - 8 * width;
        return unchecked(shift == 0 ? (long)u : (long)(u << shift) >> shift);
    }
}
