namespace Kiosk.Render.Frames;

/// <summary>
/// One rendered frame: opaque 32-bit pixels in BGRA byte order (Skia's native colour type on little-endian
/// Linux, so drawing into it needs no swizzle) with the rectangles that changed since the previous frame.
/// The pixel buffer is owned by the renderer and reused; sinks copy what they need before returning.
/// </summary>
public sealed class Frame(int width, int height)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public int Stride => Width * 4;

    /// <summary>Pinned, so Skia can draw straight into it without a copy.</summary>
    public byte[] Pixels { get; } = GC.AllocateArray<byte>(width * height * 4, pinned: true);

    /// <summary>Changed regions; the whole frame when nothing earlier was shown.</summary>
    public List<PixelRect> Dirty { get; } = [];

    /// <summary>Increases with every rendered frame, so sinks can tell a repeat from new content.</summary>
    public long Sequence { get; set; }

    public PixelRect Bounds => new(0, 0, Width, Height);

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Stride, Stride);
}
