using System.Runtime.InteropServices;

namespace FitCheck.IO;

/// <summary>
/// Tells a regular file from a FIFO, device or socket without opening it: opening a FIFO blocks until a
/// writer appears, and .NET exposes no file type on Unix. The runtime's own native shim (statically linked
/// into Native AOT builds, shipped with every runtime) has a stat whose output starts with two ints, flags
/// then mode; only the mode is read, from a buffer larger than any version of that struct.
/// </summary>
public static partial class FileKinds
{
    private const int TypeMask = 0xF000;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // No FIFOs or device nodes reachable by a plain path here; attributes tell a directory.
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        Span<byte> status = stackalloc byte[512];
        status.Clear();
        int rc;
        unsafe
        {
            fixed (byte* p = status)
            {
                rc = Stat(path, p);
            }
        }

        if (rc != 0)
        {
            return FileKind.Missing;
        }

        var mode = BitConverter.ToInt32(status[4..8]);
        return (mode & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Pipe,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Pipe => "a pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Regular => "a regular file",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* output);
}
