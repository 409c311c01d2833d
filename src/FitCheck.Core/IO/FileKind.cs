namespace FitCheck.IO;

/// <summary>What a path names, as stat(2) says, following symbolic links.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Pipe,
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>A type stat does not name (an anonymous inode such as an eventfd behind a reused fd 0).</summary>
    Other,
}
