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
    private readonly Dictionary<(Screen, Screen), SKRectI> _known = [];

    public SKRectI Between(Screen a, SKImage imageA, Screen b, SKImage imageB)
    {
        if (_known.TryGetValue((a, b), out var rect))
        {
            return rect;
        }

        rect = Compute(imageA, imageB);
        if (_known.Count > 256)
        {
            _known.Clear(); // a bounded memo: a kiosk visits far fewer pairs than this between restarts
        }

        _known[(a, b)] = rect;
        _known[(b, a)] = rect;
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

        int rowBytes = pa.Width * 4;
        int top = -1, bottom = -1, left = pa.Width, right = -1;
        var spanA = pa.GetPixelSpan();
        var spanB = pb.GetPixelSpan();
        for (int y = 0; y < pa.Height; y++)
        {
            var ra = spanA.Slice(y * pa.RowBytes, rowBytes);
            var rb = spanB.Slice(y * pb.RowBytes, rowBytes);
            int first = ra.CommonPrefixLength(rb);
            if (first == rowBytes)
            {
                continue;
            }

            int last = rowBytes - 1;
            while (last > first && ra[last] == rb[last])
            {
                last--;
            }

            top = top < 0 ? y : top;
            bottom = y + 1;
            left = Math.Min(left, first / 4);
            right = Math.Max(right, (last / 4) + 1);
        }

        return top < 0 ? SKRectI.Empty : new SKRectI(left, top, right, bottom);
    }
}
