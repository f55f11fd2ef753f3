using System.Runtime.InteropServices;

namespace Kiosk.Host.Display;

/// <summary>
/// Covers the Linux console while the kiosk shows on HDMI: its virtual terminal in graphics mode (the kernel
/// stops drawing text and the blinking cursor over the picture, and does not blank it) and its keyboard off (keys
/// reach the kiosk through evdev, never a shell or a console switch). Put back as found on dispose; after a
/// crash systemd's TTYReset does it. Only the terminal's owner may do this: kiosk.service makes tty1 the kiosk's
/// controlling terminal (TTYPath=/dev/tty1).
/// </summary>
public sealed partial class VirtualTerminal : IDisposable
{
    private const uint KdSetMode = 0x4B3A, KdGetMode = 0x4B3B, KdGetKbMode = 0x4B44, KdSetKbMode = 0x4B45;
    private const int KdGraphics = 1, KbOff = 4;

    private readonly int _fd;
    private readonly int _mode;
    private readonly int _keyboard;
    private int _disposed;

    private VirtualTerminal(int fd, int mode, int keyboard)
    {
        _fd = fd;
        _mode = mode;
        _keyboard = keyboard;
    }

    /// <summary>
    /// Takes over the virtual terminal on <paramref name="fd"/> (standard input under kiosk.service); null, with
    /// the reason in <paramref name="message"/>, where there is none (ssh, a test, a container) or it is not ours.
    /// </summary>
    public static unsafe VirtualTerminal? Cover(int fd, out string message)
    {
        int mode = 0, keyboard = 0;
        if (Ioctl(fd, KdGetMode, &mode) != 0)
        {
            message = "standard input is not a virtual terminal, so the console is left as it is";
            return null;
        }

        Ioctl(fd, KdGetKbMode, &keyboard);
        if (Ioctl(fd, KdSetMode, (void*)KdGraphics) != 0)
        {
            message = $"cannot put the console in graphics mode ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}); the kiosk must own it (kiosk.service: TTYPath=/dev/tty1)";
            return null;
        }

        string keys = Ioctl(fd, KdSetKbMode, (void*)KbOff) == 0 ? "keyboard off" : "keyboard left on";
        message = $"console in graphics mode, {keys}, until the kiosk exits";
        return new VirtualTerminal(fd, mode, keyboard);
    }

    public unsafe void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Ioctl(_fd, KdSetKbMode, (void*)_keyboard);
            Ioctl(_fd, KdSetMode, (void*)_mode);
        }
    }

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int Ioctl(int fd, nuint request, void* arg);
}
