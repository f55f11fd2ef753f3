namespace Kiosk.Render.Frames;

/// <summary>Where two images of the same size differ, as one bounding rectangle: the rows are compared as whole
/// spans (vectorised), so equal rows cost no more than reading them.</summary>
internal static class ChangedBounds
{
    /// <summary>
    /// The smallest rectangle, relative to the spans' start, holding every differing pixel of a
    /// <paramref name="width"/> x <paramref name="height"/> area of 4-byte pixels; empty when none differs.
    /// </summary>
    public static PixelRect Find(ReadOnlySpan<byte> a, int strideA, ReadOnlySpan<byte> b, int strideB, int width, int height)
    {
        int rowBytes = width * 4;
        int top = -1, bottom = -1, left = width, right = 0;
        for (int y = 0; y < height; y++)
        {
            var ra = a.Slice(y * strideA, rowBytes);
            var rb = b.Slice(y * strideB, rowBytes);
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

        return top < 0 ? default : new PixelRect(left, top, right - left, bottom - top);
    }
}
