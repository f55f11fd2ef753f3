using SkiaSharp;

namespace Kiosk.SystemTests.Rig;

/// <summary>
/// Compares what QEMU's display shows (a screendump) with the host's <c>kiosk render</c> of the same screen.
/// The two are drawn by the same published kiosk, on different CPUs (the guest's emulated one may take other
/// SIMD paths), so a pixel may differ by a little in anti-aliased edges: <see cref="ChannelTolerance"/> per
/// colour channel, on at most <see cref="MaxOffPixels"/> pixels. Console text or a cursor block is far outside it.
/// </summary>
public static class Glass
{
    public const int ChannelTolerance = 8;
    public const int MaxOffPixels = 200;

    public sealed record Diff(int Width, int Height, int OffPixels, int MaxDelta, SKRectI Box, string Actual, string Expected)
    {
        public bool Same => OffPixels <= MaxOffPixels;

        public override string ToString() =>
            $"{Path.GetFileName(Actual)} vs {Path.GetFileName(Expected)}: {Width}x{Height}, {OffPixels} pixels off by more than {ChannelTolerance} (at most {MaxOffPixels} allowed), largest channel difference {MaxDelta}, differences within {Box}";
    }

    public static Diff Compare(string actualPng, string expectedPng)
    {
        using var actual = Load(actualPng);
        using var expected = Load(expectedPng);
        if (actual.Width != expected.Width || actual.Height != expected.Height)
        {
            return new Diff(actual.Width, actual.Height, actual.Width * actual.Height, 255, new SKRectI(0, 0, actual.Width, actual.Height), actualPng, expectedPng);
        }

        var a = actual.GetPixelSpan();
        var e = expected.GetPixelSpan();
        int off = 0, maxDelta = 0, width = actual.Width;
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (int i = 0; i < a.Length; i += 4)
        {
            // BGRA: the alpha byte is ignored (the glass has none).
            int delta = Math.Max(Math.Abs(a[i] - e[i]), Math.Max(Math.Abs(a[i + 1] - e[i + 1]), Math.Abs(a[i + 2] - e[i + 2])));
            maxDelta = Math.Max(maxDelta, delta);
            if (delta > ChannelTolerance)
            {
                off++;
                int x = (i / 4) % width, y = (i / 4) / width;
                left = Math.Min(left, x);
                top = Math.Min(top, y);
                right = Math.Max(right, x + 1);
                bottom = Math.Max(bottom, y + 1);
            }
        }

        var box = off == 0 ? SKRectI.Empty : new SKRectI(left, top, right, bottom);
        return new Diff(actual.Width, actual.Height, off, maxDelta, box, actualPng, expectedPng);
    }

    /// <summary>Takes screendumps until the glass shows <paramref name="expectedPng"/> (transitions take a moment).</summary>
    public static Diff WaitUntilShows(Vm vm, string expectedPng, string screendumpPath, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            vm.Qmp.Screendump(screendumpPath);
            var diff = Compare(screendumpPath, expectedPng);
            if (diff.Same || clock.Elapsed > timeout)
            {
                return diff;
            }

            Thread.Sleep(500);
        }
    }

    private static SKBitmap Load(string png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidDataException($"{png}: not a PNG");
        var bgra = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        if (!decoded.CopyTo(bgra, SKColorType.Bgra8888))
        {
            using var canvas = new SKCanvas(bgra);
            canvas.DrawBitmap(decoded, 0, 0);
        }

        return bgra;
    }
}
