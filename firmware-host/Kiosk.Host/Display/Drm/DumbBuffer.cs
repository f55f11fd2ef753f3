using static Kiosk.Host.Display.Drm.DrmInterop;

namespace Kiosk.Host.Display.Drm;

/// <summary>
/// A "dumb" buffer: plain memory the display controller scans out, mapped into the kiosk, registered as an
/// XRGB8888 framebuffer. Every KMS driver has them; no GPU, GBM or EGL involved.
/// </summary>
internal sealed unsafe class DumbBuffer : IDisposable
{
    private readonly int _fd;
    private readonly uint _handle;
    private readonly nuint _size;
    private bool _disposed;

    public DumbBuffer(int fd, int width, int height)
    {
        _fd = fd;
        Width = width;
        Height = height;
        var create = new DrmModeCreateDumb { Width = (uint)width, Height = (uint)height, Bpp = 32 };
        if (Ioctl(fd, ModeCreateDumb, &create) != 0)
        {
            throw new DisplayConfigurationException($"cannot create a {width}x{height} dumb buffer: {LastError()}");
        }

        _handle = create.Handle;
        Pitch = (int)create.Pitch;
        _size = (nuint)create.Size;
        try
        {
            var fb = new DrmModeFbCmd2 { Width = (uint)width, Height = (uint)height, PixelFormat = FormatXrgb8888 };
            fb.Handles[0] = _handle;
            fb.Pitches[0] = create.Pitch;
            if (Ioctl(fd, ModeAddFb2, &fb) != 0)
            {
                throw new DisplayConfigurationException($"cannot register the buffer as an XRGB8888 framebuffer: {LastError()}");
            }

            FramebufferId = fb.FbId;
            var map = new DrmModeMapDumb { Handle = _handle };
            if (Ioctl(fd, ModeMapDumb, &map) != 0)
            {
                throw new DisplayConfigurationException($"cannot map the dumb buffer: {LastError()}");
            }

            Address = Mmap(0, _size, ProtRead | ProtWrite, MapShared, fd, (long)map.Offset);
            if (Address == -1)
            {
                Address = 0;
                throw new DisplayConfigurationException($"cannot mmap the dumb buffer: {LastError()}");
            }

            // Black, so margins around a smaller frame never show whatever the memory held.
            new Span<byte>((void*)Address, (int)_size).Clear();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Width { get; }

    public int Height { get; }

    public int Pitch { get; }

    public uint FramebufferId { get; }

    public nint Address { get; private set; }

    /// <summary>Whether it holds a whole frame yet; until then dirty rectangles alone would leave holes.</summary>
    public bool Filled { get; set; }

    public Span<byte> Row(int y, int x, int pixels) => new((void*)(Address + (y * (nint)Pitch) + (x * 4)), pixels * 4);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Address != 0)
        {
            Munmap(Address, _size);
        }

        uint fbId = FramebufferId, handle = _handle;
        if (fbId != 0)
        {
            Ioctl(_fd, ModeRmFb, &fbId);
        }

        Ioctl(_fd, ModeDestroyDumb, &handle);
    }
}
