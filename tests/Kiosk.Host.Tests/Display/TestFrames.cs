using Kiosk.Render.Frames;

namespace Kiosk.Host.Tests.Display;

/// <summary>Builds BGRA frames for sink tests.</summary>
internal static class TestFrames
{
    public static Frame Solid(int width, int height, byte r, byte g, byte b)
    {
        var frame = new Frame(width, height);
        Fill(frame, frame.Bounds, r, g, b);
        frame.SetDirty([frame.Bounds]);
        return frame;
    }

    /// <summary>A frame where every pixel differs from its neighbours, so misplaced bytes show.</summary>
    public static Frame Pattern(int width, int height, int seed = 0)
    {
        var frame = new Frame(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                SetPixel(frame, x, y, (byte)((x * 7) + seed), (byte)((y * 13) + seed), (byte)((x * y) + (seed * 3)));
            }
        }

        frame.SetDirty([frame.Bounds]);
        return frame;
    }

    public static void Fill(Frame frame, PixelRect rect, byte r, byte g, byte b)
    {
        for (int y = rect.Y; y < rect.Bottom; y++)
        {
            for (int x = rect.X; x < rect.Right; x++)
            {
                SetPixel(frame, x, y, r, g, b);
            }
        }
    }

    public static void SetPixel(Frame frame, int x, int y, byte r, byte g, byte b)
    {
        int i = (y * frame.Stride) + (x * 4);
        frame.Pixels[i] = b;
        frame.Pixels[i + 1] = g;
        frame.Pixels[i + 2] = r;
        frame.Pixels[i + 3] = 0xFF;
    }

    public static Frame Copy(Frame source)
    {
        var frame = new Frame(source.Width, source.Height);
        source.Pixels.CopyTo(frame.Pixels, 0);
        return frame;
    }
}
