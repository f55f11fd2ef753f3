using Kiosk.Host.Display;
using Kiosk.Render.Frames;

namespace Kiosk.Host.Tests.Display;

internal static class SinkExtensions
{
    /// <summary>Presents what the frame says changed, as the frame loop does for a healthy display.</summary>
    public static void Present(this IDisplaySink sink, Frame frame) => sink.Present(frame, frame.Dirty);
}
