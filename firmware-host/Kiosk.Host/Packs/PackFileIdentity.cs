namespace Kiosk.Host.Packs;

/// <summary>A pack file as the watcher tells versions apart: path, size and modification time (no read needed).</summary>
internal static class PackFileIdentity
{
    public static (string, long, DateTime) Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (path, info.Length, info.LastWriteTimeUtc) : (path, -1, default);
    }
}
