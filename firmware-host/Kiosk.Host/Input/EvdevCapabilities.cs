using System.Runtime.InteropServices;
using System.Text;

namespace Kiosk.Host.Input;

/// <summary>
/// What an event device says about itself, through the evdev ioctls: the keys it can report (EVIOCGBIT for
/// EV_KEY) and its name (EVIOCGNAME). Opened non-blocking and closed at once; reading is a separate opening.
/// </summary>
public static partial class EvdevCapabilities
{
    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;
    private const int KeyBitmapBytes = (LinuxInput.KeyMax / 8) + 1;
    private const int NameBytes = 256;

    /// <summary>
    /// The device's name when it reports at least one of <paramref name="codes"/>; null when it reports none, or
    /// cannot be opened or asked (not an event device, no permission yet).
    /// </summary>
    public static string? KeyboardName(string path, IEnumerable<int> codes)
    {
        int fd = Open(path, ORdOnly | ONonBlock | OCloExec);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            Span<byte> keys = stackalloc byte[KeyBitmapBytes];
            if (Ioctl(fd, Eviocgbit(LinuxInput.EvKey, KeyBitmapBytes), ref MemoryMarshal.GetReference(keys)) < 0)
            {
                return null;
            }

            if (!ReportsAny(keys, codes))
            {
                return null;
            }

            Span<byte> name = stackalloc byte[NameBytes];
            int length = Ioctl(fd, Eviocgname(NameBytes), ref MemoryMarshal.GetReference(name));
            return length > 0 ? Encoding.UTF8.GetString(name[..(length - 1)]).TrimEnd('\0') : Path.GetFileName(path);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>True when the key bitmap (bit n of byte n / 8 for key code n) has any of <paramref name="codes"/>.</summary>
    public static bool ReportsAny(ReadOnlySpan<byte> keyBitmap, IEnumerable<int> codes)
    {
        foreach (int code in codes)
        {
            if (code / 8 < keyBitmap.Length && (keyBitmap[code / 8] & (1 << (code % 8))) != 0)
            {
                return true;
            }
        }

        return false;
    }

    // _IOC(_IOC_READ, 'E', nr, size) as linux/input.h defines EVIOCGBIT and EVIOCGNAME (asm-generic ioctl layout,
    // which both x86-64 and arm64 use).
    private static nuint Eviocgbit(int eventType, int size) => Ioc(0x20 + eventType, size);

    private static nuint Eviocgname(int size) => Ioc(0x06, size);

    private static nuint Ioc(int nr, int size) => (nuint)((2u << 30) | ((uint)size << 16) | ((uint)'E' << 8) | (uint)nr);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
