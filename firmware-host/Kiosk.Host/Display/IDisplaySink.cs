using Kiosk.Render.Frames;

namespace Kiosk.Host.Display;

/// <summary>
/// A screen the frame loop feeds: HDMI framebuffer, SPI panel, PNG folder or the web preview. As in LVGL's flush
/// contract, the changed area travels with each call: a sink sends only <c>dirty</c>, converting to its device
/// format, and must not keep a reference to the frame or the list.
/// </summary>
public interface IDisplaySink : IDisposable
{
    /// <summary>Short name for logs, e.g. <c>fbdev:/dev/fb0</c>.</summary>
    string Name { get; }

    int Width { get; }

    int Height { get; }

    /// <param name="dirty">The rectangles to send: the frame's own <see cref="Frame.Dirty"/>, or the whole frame
    /// when this display must be repainted (after it failed).</param>
    void Present(Frame frame, IReadOnlyList<PixelRect> dirty);
}
