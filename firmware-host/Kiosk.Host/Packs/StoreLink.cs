namespace Kiosk.Host.Packs;

/// <summary>
/// One of the store's symlinks (<c>current</c>, <c>committed</c>). It is only ever replaced by <c>rename(2)</c>
/// of a fully made link, so a reader (or a crash) sees the old target or the new one, never a missing or
/// half-written link.
/// </summary>
internal sealed class StoreLink(StoreLayout layout, string name)
{
    private string Path_ => Path.Combine(layout.Root, name);

    /// <summary>The sha256 folder name the link points at, or null when there is none (or its pack is gone).</summary>
    public string? Target()
    {
        var info = new FileInfo(Path_);
        string? target = info.LinkTarget;
        if (target is null)
        {
            return null;
        }

        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(target));
        return StoreLayout.IsPackDirName(name) && File.Exists(layout.PackFile(name)) ? name : null;
    }

    public void SwitchTo(string sha256)
    {
        string temp = layout.TempLink(name);
        File.Delete(temp);
        // Relative, so the store still works when its root is mounted or copied elsewhere.
        File.CreateSymbolicLink(temp, sha256);
        try
        {
            Posix.Rename(temp, Path_);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        Posix.FsyncDirectory(layout.Root);
    }

    /// <summary>Removes the link (a single unlink, so atomic), durably.</summary>
    public void Remove()
    {
        if (new FileInfo(Path_).LinkTarget is not null)
        {
            File.Delete(Path_);
            Posix.FsyncDirectory(layout.Root);
        }
    }
}
