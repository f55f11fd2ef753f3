using Kiosk.Render.Frames;

namespace Kiosk.Host.Display.Preview;

/// <summary>
/// The web preview as a display: keeps a copy of the latest frame for the preview server to encode and send.
/// Copying is a memcpy per changed frame; encoding happens on the server's own thread, at its own rate.
/// </summary>
public sealed class PreviewSink : IDisplaySink
{
    private readonly object _gate = new();
    private byte[] _pixels = [];
    private long _sequence;

    public string Name => "preview";

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Raised (on the frame loop's thread) after a new frame was stored.</summary>
    public event Action? FrameStored;

    public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
    {
        if (dirty.Count == 0 && _sequence > 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_pixels.Length != frame.Pixels.Length)
            {
                _pixels = new byte[frame.Pixels.Length];
            }

            frame.Pixels.CopyTo(_pixels, 0);
            Width = frame.Width;
            Height = frame.Height;
            _sequence++;
        }

        FrameStored?.Invoke();
    }

    /// <summary>Copies the latest frame out under the lock; returns its sequence number (0: none yet).</summary>
    public long CopyLatest(Frame into)
    {
        lock (_gate)
        {
            if (_sequence == 0 || into.Pixels.Length != _pixels.Length)
            {
                return 0;
            }

            _pixels.CopyTo(into.Pixels, 0);
            return _sequence;
        }
    }

    public void Dispose()
    {
    }
}
