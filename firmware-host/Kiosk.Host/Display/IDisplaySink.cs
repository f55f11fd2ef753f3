using Kiosk.Render.Frames;

namespace Kiosk.Host.Display;

/// <summary>
/// A screen the frame loop feeds: HDMI framebuffer, SPI panel, PNG folder or the web preview. A sink sends
/// only <see cref="Frame.Dirty"/>, converting to its device format, and must not keep a reference to the frame.
/// </summary>
public interface IDisplaySink : IDisposable
{
    /// <summary>Short name for logs, e.g. <c>fbdev:/dev/fb0</c>.</summary>
    string Name { get; }

    int Width { get; }

    int Height { get; }

    void Present(Frame frame);
}
