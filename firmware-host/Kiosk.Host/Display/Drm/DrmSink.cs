using Kiosk.Render.Frames;
using Microsoft.Win32.SafeHandles;
using static Kiosk.Host.Display.Drm.DrmInterop;

namespace Kiosk.Host.Display.Drm;

/// <summary>
/// HDMI (or any KMS output) through DRM/KMS: the connector's preferred mode, two dumb buffers, and a page flip
/// per frame, so the display controller only ever scans out a finished frame (no tearing, unlike the
/// single-buffered fbdev emulation). Each frame is copied into the buffer not on screen: its dirty rectangles
/// and the previous frame's (that buffer is two frames old), the whole frame the first time.
/// </summary>
public sealed unsafe class DrmSink : IDisplaySink
{
    /// <summary>How long to wait for a flip to complete before assuming it did (a driver that lost the event).</summary>
    private const int FlipTimeoutMs = 500;

    private readonly SafeFileHandle _device;
    private readonly int _fd;
    private readonly DrmOutput _output;
    // The second buffer is made at the second frame (see the constructor).
    private readonly DumbBuffer?[] _buffers = new DumbBuffer?[2];
    private readonly List<PixelRect> _previousDirty = [];
    private readonly byte[] _events = new byte[1024];
    private int _front = -1;
    private bool _flipPending;
    private bool _pageFlipWorks = true;

    public DrmSink(string devicePath)
    {
        string path = devicePath.Length > 0 ? devicePath
            : FindCard(out string why) ?? throw new DisplayConfigurationException($"drm: no card has a display connected: {why}");
        Name = $"drm:{path}";
        try
        {
            _device = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DisplayConfigurationException($"{Name}: cannot open: {e.Message} (is the user in the 'video' group?)", e);
        }

        _fd = (int)_device.DangerousGetHandle();
        try
        {
            var cap = new DrmGetCap { Capability = CapDumbBuffer };
            if (Ioctl(_fd, GetCap, &cap) != 0 || cap.Value == 0)
            {
                throw new DisplayConfigurationException($"{Name}: the driver has no dumb buffers");
            }

            _output = DrmOutput.Find(_fd, out string reason)
                ?? throw new DisplayConfigurationException($"{Name}: no display to show on: {reason}");
            // Only the buffer the first frame needs; the second is made when the second frame needs it. Some
            // drivers (bochs-drm, TTM) zero a dumb buffer's memory at its first touch (8 MB at 1920x1080) under the
            // process's page-table lock, which every other thread's page fault then waits behind: in front of the
            // first frame, one buffer's worth is enough (deploy/vm/README.md, "The stall").
            _buffers[0] = new DumbBuffer(_fd, _output.Width, _output.Height);
        }
        catch (DisplayConfigurationException e)
        {
            Dispose();
            throw new DisplayConfigurationException(e.Message.StartsWith(Name, StringComparison.Ordinal) ? e.Message : $"{Name}: {e.Message}", e);
        }
    }

    public string Name { get; }

    public int Width => _output.Width;

    public int Height => _output.Height;

    /// <summary>
    /// The first card with a connected display: on a Pi 4 or 5 the HDMI controller (vc4) and the 3D core (v3d)
    /// are separate cards and which is card0 depends on probe order.
    /// </summary>
    public static string? FindCard(out string reason)
    {
        var reasons = new List<string>();
        var cards = Directory.Exists("/dev/dri") ? Directory.GetFiles("/dev/dri", "card*").Order(StringComparer.Ordinal).ToArray() : [];
        foreach (string card in cards)
        {
            try
            {
                using var handle = File.OpenHandle(card, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                if (DrmOutput.Find((int)handle.DangerousGetHandle(), out string why) is not null)
                {
                    reason = string.Empty;
                    return card;
                }

                reasons.Add($"{card}: {why}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reasons.Add($"{card}: {e.Message}");
            }
        }

        reason = cards.Length == 0 ? "no /dev/dri/card*" : string.Join("; ", reasons);
        return null;
    }

    public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
    {
        WaitForFlip();
        int back = _front < 0 ? 0 : _front ^ 1;
        var buffer = _buffers[back] ??= new DumbBuffer(_fd, _output.Width, _output.Height);
        int originX = (Width - frame.Width) / 2;
        int originY = (Height - frame.Height) / 2;
        var visible = new PixelRect(-originX, -originY, Width, Height).Intersect(frame.Bounds);
        if (!buffer.Filled)
        {
            Copy(frame, visible, buffer, originX, originY);
            buffer.Filled = true;
        }
        else
        {
            // This buffer last showed the frame before the previous one: bring it up to date with both changes.
            foreach (var rect in _previousDirty)
            {
                Copy(frame, rect.Intersect(visible), buffer, originX, originY);
            }

            for (int i = 0; i < dirty.Count; i++)
            {
                Copy(frame, dirty[i].Intersect(visible), buffer, originX, originY);
            }
        }

        _previousDirty.Clear();
        for (int i = 0; i < dirty.Count; i++)
        {
            _previousDirty.Add(dirty[i]);
        }

        Show(back);
    }

    private static void Copy(Frame frame, PixelRect rect, DumbBuffer buffer, int originX, int originY)
    {
        if (rect.IsEmpty)
        {
            return;
        }

        for (int y = rect.Y; y < rect.Bottom; y++)
        {
            frame.Pixels.AsSpan((y * frame.Stride) + (rect.X * 4), rect.Width * 4)
                .CopyTo(buffer.Row(y + originY, rect.X + originX, rect.Width));
        }
    }

    private void Show(int index)
    {
        var buffer = _buffers[index]!;
        if (_front >= 0 && _pageFlipWorks)
        {
            var flip = new DrmModeCrtcPageFlip { CrtcId = _output.CrtcId, FbId = buffer.FramebufferId, Flags = PageFlipEvent };
            if (Ioctl(_fd, ModePageFlip, &flip) == 0)
            {
                _flipPending = true;
                _front = index;
                return;
            }

            // A driver without page flips: mode-set each frame instead (still only finished frames on screen).
            _pageFlipWorks = false;
        }

        uint connector = _output.ConnectorId;
        var crtc = new DrmModeCrtc
        {
            CrtcId = _output.CrtcId,
            FbId = buffer.FramebufferId,
            SetConnectorsPtr = (ulong)&connector,
            CountConnectors = 1,
            Mode = _output.Mode,
            ModeValid = 1,
        };
        if (Ioctl(_fd, ModeSetCrtc, &crtc) != 0)
        {
            throw new IOException($"{Name}: cannot show the frame ({LastError()}); is another program (a desktop) using the display?");
        }

        _front = index;
    }

    /// <summary>The buffer going off screen may be written only once the flip to the other one has happened.</summary>
    private void WaitForFlip()
    {
        while (_flipPending)
        {
            var pfd = new PollFd { Fd = _fd, Events = PollIn };
            int ready = Poll(&pfd, 1, FlipTimeoutMs);
            if (ready == 0)
            {
                _flipPending = false;
                return;
            }

            if (ready < 0)
            {
                if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == Eintr)
                {
                    continue;
                }

                _flipPending = false;
                return;
            }

            fixed (byte* events = _events)
            {
                nint length = Read(_fd, events, (nuint)_events.Length);
                // struct drm_event { u32 type; u32 length; } heads every event in the read.
                for (nint offset = 0; offset + 8 <= length;)
                {
                    uint type = *(uint*)(events + offset);
                    uint size = *(uint*)(events + offset + 4);
                    if (type == EventFlipComplete)
                    {
                        _flipPending = false;
                    }

                    if (size < 8)
                    {
                        break;
                    }

                    offset += (nint)size;
                }

                if (length <= 0)
                {
                    _flipPending = false;
                }
            }
        }
    }

    public void Dispose()
    {
        if (_device is null)
        {
            return;
        }

        if (!_device.IsInvalid && !_device.IsClosed)
        {
            WaitForFlip();
        }

        // Closing the card hands the display back to the console's framebuffer (the kernel restores its mode).
        foreach (var buffer in _buffers)
        {
            buffer?.Dispose();
        }

        _device.Dispose();
    }
}
