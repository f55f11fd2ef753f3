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

    private readonly List<PixelRect> _dirty = [];

    /// <summary>
    /// What changed since the previous frame, as the renderer found it; the whole frame when nothing earlier was
    /// shown. Read-only to everyone else: a display that needs more (after a failure) is handed the whole frame
    /// with the call (<c>IDisplaySink.Present(frame, dirty)</c>), so one display's needs never change another's.
    /// </summary>
    public IReadOnlyList<PixelRect> Dirty => _dirty;

    /// <summary>The renderer's tile diff appends here directly, without a copy per frame.</summary>
    internal List<PixelRect> DirtyList => _dirty;

    /// <summary>Says what changed: for the renderer, and for frames made by hand (tests, benchmarks).</summary>
    public void SetDirty(ReadOnlySpan<PixelRect> rects)
    {
        _dirty.Clear();
        _dirty.AddRange(rects);
    }

    /// <summary>Increases with every rendered frame, so sinks can tell a repeat from new content.</summary>
    public long Sequence { get; set; }

    public PixelRect Bounds => new(0, 0, Width, Height);

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Stride, Stride);
}
