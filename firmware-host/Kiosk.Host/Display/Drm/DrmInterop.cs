using System.Runtime.InteropServices;

namespace Kiosk.Host.Display.Drm;

/// <summary>
/// The few DRM/KMS ioctls of the kernel's uapi (include/uapi/drm/drm.h, drm_mode.h) the sink needs, and libc's
/// ioctl, mmap, poll and read. Structures are laid out as in the headers; every field is naturally aligned and
/// the same on x64 and arm64.
/// </summary>
internal static unsafe partial class DrmInterop
{
    public const uint CapDumbBuffer = 0x1;
    public const uint ModeConnected = 1;
    public const uint ModeTypePreferred = 1 << 3;
    public const uint PageFlipEvent = 0x01;
    public const uint EventFlipComplete = 0x02;
    public const uint FormatXrgb8888 = 0x34325258; // fourcc 'XR24': B, G, R, X in memory on little-endian, as a Frame is

    public static readonly nuint GetCap = IoWr(0x0c, sizeof(DrmGetCap));
    public static readonly nuint ModeGetResources = IoWr(0xA0, sizeof(DrmModeCardRes));
    public static readonly nuint ModeGetCrtc = IoWr(0xA1, sizeof(DrmModeCrtc));
    public static readonly nuint ModeSetCrtc = IoWr(0xA2, sizeof(DrmModeCrtc));
    public static readonly nuint ModeGetEncoder = IoWr(0xA6, sizeof(DrmModeGetEncoder));
    public static readonly nuint ModeGetConnector = IoWr(0xA7, sizeof(DrmModeGetConnector));
    public static readonly nuint ModeRmFb = IoWr(0xAF, sizeof(uint));
    public static readonly nuint ModePageFlip = IoWr(0xB0, sizeof(DrmModeCrtcPageFlip));
    public static readonly nuint ModeCreateDumb = IoWr(0xB2, sizeof(DrmModeCreateDumb));
    public static readonly nuint ModeMapDumb = IoWr(0xB3, sizeof(DrmModeMapDumb));
    public static readonly nuint ModeDestroyDumb = IoWr(0xB4, sizeof(uint));
    public static readonly nuint ModeAddFb2 = IoWr(0xB8, sizeof(DrmModeFbCmd2));

    public const int ProtRead = 1, ProtWrite = 2, MapShared = 1;
    public const short PollIn = 1;
    public const int Eintr = 4, Eagain = 11;

    // _IOWR('d', nr, size): direction read|write (3) in bits 30-31, size in 16-29, type 'd' in 8-15.
    private static nuint IoWr(uint nr, int size) => (nuint)((3u << 30) | ((uint)size << 16) | ('d' << 8) | nr);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlRaw(int fd, nuint request, void* arg);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    /// <summary>ioctl, repeated when a signal or a busy driver interrupts it (as libdrm's drmIoctl does).</summary>
    public static int Ioctl(int fd, nuint request, void* arg)
    {
        int result;
        do
        {
            result = IoctlRaw(fd, request, arg);
        }
        while (result == -1 && Marshal.GetLastPInvokeError() is Eintr or Eagain);
        return result;
    }

    public static string LastError() => Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmGetCap
    {
        public ulong Capability;
        public ulong Value;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeCardRes
    {
        public ulong FbIdPtr, CrtcIdPtr, ConnectorIdPtr, EncoderIdPtr;
        public uint CountFbs, CountCrtcs, CountConnectors, CountEncoders;
        public uint MinWidth, MaxWidth, MinHeight, MaxHeight;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeModeInfo
    {
        public uint Clock;
        public ushort HDisplay, HSyncStart, HSyncEnd, HTotal, HSkew;
        public ushort VDisplay, VSyncStart, VSyncEnd, VTotal, VScan;
        public uint VRefresh, Flags, Type;
        public fixed byte Name[32];
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeCrtc
    {
        public ulong SetConnectorsPtr;
        public uint CountConnectors, CrtcId, FbId, X, Y, GammaSize, ModeValid;
        public DrmModeModeInfo Mode;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeGetEncoder
    {
        public uint EncoderId, EncoderType, CrtcId, PossibleCrtcs, PossibleClones;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeGetConnector
    {
        public ulong EncodersPtr, ModesPtr, PropsPtr, PropValuesPtr;
        public uint CountModes, CountProps, CountEncoders, EncoderId, ConnectorId, ConnectorType, ConnectorTypeId;
        public uint Connection, MmWidth, MmHeight, Subpixel, Pad;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeFbCmd2
    {
        public uint FbId, Width, Height, PixelFormat, Flags;
        public fixed uint Handles[4];
        public fixed uint Pitches[4];
        public fixed uint Offsets[4];
        public fixed ulong Modifier[4];
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeCrtcPageFlip
    {
        public uint CrtcId, FbId, Flags, Reserved;
        public ulong UserData;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeCreateDumb
    {
        public uint Height, Width, Bpp, Flags, Handle, Pitch;
        public ulong Size;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DrmModeMapDumb
    {
        public uint Handle, Pad;
        public ulong Offset;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events, Revents;
    }
}
