using Kiosk.Render.Frames;

namespace Kiosk.Render.Tests.Support;

/// <summary>
/// Pixel-by-pixel comparison with the golden tolerance: a pixel matches when no channel differs by more than
/// <see cref="ChannelTolerance"/>; a frame matches when at most <see cref="MaxMismatchFraction"/> of its pixels
/// do not. Anti-aliased text may shift a little between Skia builds and CPUs; a layout change never fits.
/// </summary>
internal static class FrameComparison
{
    public const int ChannelTolerance = 8;
    public const double MaxMismatchFraction = 0.005;

    public static int CountMismatches(Frame expected, Frame actual, Frame? diff = null)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            throw new ArgumentException($"sizes differ: {expected.Width}x{expected.Height} vs {actual.Width}x{actual.Height}");
        }

        var e = expected.Pixels;
        var a = actual.Pixels;
        int mismatches = 0;
        for (int i = 0; i < e.Length; i += 4)
        {
            bool off = Math.Abs(e[i] - a[i]) > ChannelTolerance || Math.Abs(e[i + 1] - a[i + 1]) > ChannelTolerance || Math.Abs(e[i + 2] - a[i + 2]) > ChannelTolerance;
            if (off)
            {
                mismatches++;
            }

            if (diff is not null)
            {
                // Mismatches in red over a faded copy of the expected image, so a person sees where, not just how many.
                diff.Pixels[i] = off ? (byte)0 : (byte)(128 + (e[i] / 4));
                diff.Pixels[i + 1] = off ? (byte)0 : (byte)(128 + (e[i + 1] / 4));
                diff.Pixels[i + 2] = off ? (byte)255 : (byte)(128 + (e[i + 2] / 4));
                diff.Pixels[i + 3] = 255;
            }
        }

        return mismatches;
    }

    public static int MaxMismatches(Frame frame) => (int)(frame.Width * (long)frame.Height * MaxMismatchFraction);

    /// <summary>A copy of a frame's pixels: the renderer reuses its two frame buffers on later renders.</summary>
    public static Frame Copy(Frame frame)
    {
        var copy = new Frame(frame.Width, frame.Height);
        frame.Pixels.CopyTo(copy.Pixels, 0);
        return copy;
    }

    /// <summary>Counts pixels that differ at all between two frames of one size.</summary>
    public static int CountChanged(Frame a, Frame b)
    {
        int changed = 0;
        for (int i = 0; i < a.Pixels.Length; i += 4)
        {
            if (!a.Pixels.AsSpan(i, 4).SequenceEqual(b.Pixels.AsSpan(i, 4)))
            {
                changed++;
            }
        }

        return changed;
    }
}
