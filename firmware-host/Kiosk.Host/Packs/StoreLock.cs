namespace Kiosk.Host.Packs;

/// <summary>
/// One installer or rollback at a time per store: an exclusive <c>flock</c> on <c>&lt;root&gt;/.lock</c>, which
/// the kernel drops when the holder dies, so a killed install never leaves the store locked.
/// </summary>
internal static class StoreLock
{
    /// <summary>Returns the held lock, or null when another process holds it.</summary>
    public static FileStream? TryAcquire(StoreLayout layout)
    {
        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Unix.
            return new FileStream(layout.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(layout.Lock))
        {
            return null;
        }
    }
}
