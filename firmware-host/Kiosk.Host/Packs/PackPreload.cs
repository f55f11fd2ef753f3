using Kiosk.Content.Packing;

namespace Kiosk.Host.Packs;

/// <summary>
/// The pack the kiosk will most likely show, read and verified on another core from the first moment of
/// <c>kiosk run</c>, while the settings are read and the host is built: on a slow board that verify (every font
/// proved glyph by glyph) is seconds in front of the first frame. <see cref="PackWatcher"/> takes the result only
/// when it wants that same file and the file is unchanged since the read began (path, size, modification time);
/// otherwise it reads the file itself, so a preload never decides anything.
/// </summary>
public sealed class PackPreload
{
    private readonly string _path;
    private readonly (string, long, DateTime) _identity;
    private readonly Task<(LoadedPack? Pack, string Problems)> _read;

    private PackPreload(string path)
    {
        _path = path;
        _identity = PackFileIdentity.Of(path);
        _read = Task.Run(() => PackWatcher.ReadAndVerify(path));
    }

    /// <summary>Starts reading the pack <c>kiosk run</c> would show: <paramref name="pack"/>, else the store's current one, else the built-in one.</summary>
    public static PackPreload? Begin(string? pack, string store)
    {
        try
        {
            string path = !string.IsNullOrEmpty(pack) ? Path.GetFullPath(pack)
                : new PackStore(new PackStoreOptions { Root = store }, TimeProvider.System).Current is { } current && File.Exists(current) ? current
                : BuiltinPack.Path;
            return File.Exists(path) ? new PackPreload(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Whatever is wrong here, the watcher finds and reports it the ordinary way.
            return null;
        }
    }

    /// <summary>The read of <paramref name="path"/>, if this preload read that very file.</summary>
    internal bool TryTake(string path, out (LoadedPack? Pack, string Problems) result)
    {
        result = default;
        if (path != _path || PackFileIdentity.Of(path) != _identity)
        {
            return false;
        }

        result = _read.GetAwaiter().GetResult();
        return true;
    }
}
