using Kiosk.Host.Display;
using Kiosk.Render.Frames;

namespace Kiosk.Faults.Soak;

/// <summary>A display that takes every frame and keeps nothing but counts.</summary>
internal sealed class NullSink(int width, int height) : IDisplaySink
{
    public string Name => "null";

    public int Width => width;

    public int Height => height;

    public long Frames { get; private set; }

    public long DirtyRects { get; private set; }

    public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
    {
        Frames++;
        DirtyRects += dirty.Count;
    }

    public void Dispose()
    {
    }
}
