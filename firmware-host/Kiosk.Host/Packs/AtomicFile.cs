namespace Kiosk.Host.Packs;

/// <summary>
/// Small store files (<c>installed.json</c>, <c>bad.json</c>, <c>trial.json</c>) written so that a power cut
/// leaves the old file or the new one: written beside the final name, flushed to disk, renamed, and the folder
/// fsync'd so the rename itself survives.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string dir = Path.GetDirectoryName(path)!;
        string temp = $"{path}.tmp-{Environment.ProcessId}";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        Posix.FsyncDirectory(dir);
    }

    /// <summary>Removes a file and makes the removal durable; nothing happens when it is already gone.</summary>
    public static void Delete(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        File.Delete(path);
        Posix.FsyncDirectory(Path.GetDirectoryName(path)!);
    }
}
