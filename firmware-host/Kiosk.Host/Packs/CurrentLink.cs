namespace Kiosk.Host.Packs;

/// <summary>
/// The <c>current</c> symlink. It is only ever replaced by <c>rename(2)</c> of a fully made link, so a reader
/// (or a crash) sees the old target or the new one, never a missing or half-written link.
/// </summary>
internal sealed class CurrentLink(StoreLayout layout)
{
    /// <summary>The sha256 folder name <c>current</c> points at, or null when there is no current pack.</summary>
    public string? Target()
    {
        var info = new FileInfo(layout.Current);
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
        string temp = layout.TempLink;
        File.Delete(temp);
        // Relative, so the store still works when its root is mounted or copied elsewhere.
        File.CreateSymbolicLink(temp, sha256);
        try
        {
            Posix.Rename(temp, layout.Current);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        Posix.FsyncDirectory(layout.Root);
    }
}
