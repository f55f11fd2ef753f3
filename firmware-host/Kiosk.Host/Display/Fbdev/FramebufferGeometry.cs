namespace Kiosk.Host.Display.Fbdev;

/// <summary>What a Linux framebuffer holds: <paramref name="Stride"/> bytes per row, which may exceed Width × bytes per pixel.</summary>
public readonly record struct FramebufferGeometry(int Width, int Height, int BitsPerPixel, int Stride)
{
    public int BytesPerPixel => BitsPerPixel / 8;

    public long Length => (long)Stride * Height;
}
