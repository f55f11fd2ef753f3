using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Kiosk.Host.Packs;

/// <summary>
/// The two POSIX calls the store's crash safety rests on and .NET does not expose: <c>rename(2)</c> over an
/// existing symlink (atomic replacement, whatever the link points at) and <c>fsync(2)</c> of a directory (so a
/// rename survives power loss, which on a kiosk is an ordinary way to switch off).
/// </summary>
internal static partial class Posix
{
    private const int ReadOnly = 0;

    public static void Rename(string from, string to)
    {
        if (rename(from, to) != 0)
        {
            throw new IOException($"rename {from} -> {to}: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
        }
    }

    public static void FsyncDirectory(string dir)
    {
        // O_RDONLY without O_DIRECTORY: that flag's value differs between x64 and the Pi's arm64.
        int fd = open(dir, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"open {dir}: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException($"fsync {dir}: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rename(string oldpath, string newpath);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string pathname, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
