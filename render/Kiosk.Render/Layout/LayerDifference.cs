using Kiosk.Render.Frames;
using Kiosk.Render.Scenes;
using SkiaSharp;

namespace Kiosk.Render.Layout;

/// <summary>
/// Where two cached still layers differ, found once per pair. A cross-fade then blends only that rectangle and
/// copies the rest: neighbouring phases share most of their pixels, and blending a whole frame costs several
/// times a copy of it.
/// </summary>
internal sealed class LayerDifference
{
    private readonly Dictionary<(Screen, Screen, bool), SKRectI> _known = [];

    /// <summary><paramref name="whole"/> tells still layers from whole screens (a diagram with its nodes), which
    /// share screen keys.</summary>
    public SKRectI Between(Screen a, SKImage imageA, Screen b, SKImage imageB, bool whole)
    {
        if (_known.TryGetValue((a, b, whole), out var rect))
        {
            return rect;
        }

        rect = Compute(imageA, imageB);
        if (_known.Count > 256)
        {
            _known.Clear(); // a bounded memo: a kiosk visits far fewer pairs than this between restarts
        }

        _known[(a, b, whole)] = rect;
        _known[(b, a, whole)] = rect;
        return rect;
    }

    /// <summary>Forgets every pair (the layers were drawn anew, e.g. in another theme).</summary>
    public void Clear() => _known.Clear();

    private static SKRectI Compute(SKImage a, SKImage b)
    {
        using var pa = a.PeekPixels();
        using var pb = b.PeekPixels();
        if (pa is null || pb is null || pa.Width != pb.Width || pa.Height != pb.Height)
        {
            return new SKRectI(0, 0, Math.Max(a.Width, b.Width), Math.Max(a.Height, b.Height));
        }

        var r = ChangedBounds.Find(pa.GetPixelSpan(), pa.RowBytes, pb.GetPixelSpan(), pb.RowBytes, pa.Width, pa.Height);
        return r.IsEmpty ? SKRectI.Empty : new SKRectI(r.X, r.Y, r.Right, r.Bottom);
    }
}
