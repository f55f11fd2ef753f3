using Kiosk.Host.Display.Png;
using Kiosk.Render.Frames;
using SkiaSharp;

namespace Kiosk.Host.Tests.Display.Png;

public sealed class PngSinkTests : IDisposable
{
    private readonly TempDir _temp = new();

    // The sink makes its own folder: the tests give it one that does not exist yet.
    private string Frames => _temp.Combine("frames");

    [Fact]
    public void Writes_a_decodable_png_with_the_frame_pixels()
    {
        using var sink = new PngSink(Frames, 4, 3);
        var frame = TestFrames.Solid(4, 3, 0, 0, 0);
        TestFrames.SetPixel(frame, 0, 0, 255, 0, 0);
        TestFrames.SetPixel(frame, 3, 0, 0, 255, 0);
        TestFrames.SetPixel(frame, 1, 2, 0, 0, 255);
        TestFrames.SetPixel(frame, 2, 1, 0x12, 0x34, 0x56);

        sink.Present(frame, frame.Dirty);

        string path = Path.Combine(Frames, "frame-000001.png");
        using var decoded = SKBitmap.Decode(path);
        Assert.NotNull(decoded);
        Assert.Equal((4, 3), (decoded.Width, decoded.Height));
        Assert.Equal(new SKColor(255, 0, 0), decoded.GetPixel(0, 0));
        Assert.Equal(new SKColor(0, 255, 0), decoded.GetPixel(3, 0));
        Assert.Equal(new SKColor(0, 0, 255), decoded.GetPixel(1, 2));
        Assert.Equal(new SKColor(0x12, 0x34, 0x56), decoded.GetPixel(2, 1));
        Assert.Equal(new SKColor(0, 0, 0), decoded.GetPixel(1, 1));
    }

    [Fact]
    public void Numbers_frames_and_keeps_only_the_newest()
    {
        using var sink = new PngSink(Frames, 2, 2, maxFiles: 3);

        for (int i = 0; i < 5; i++)
        {
            sink.Present(TestFrames.Solid(2, 2, (byte)(i * 40), 0, 0));
        }

        Assert.Equal(
            ["frame-000003.png", "frame-000004.png", "frame-000005.png"],
            Directory.GetFiles(Frames).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var newest = SKBitmap.Decode(Path.Combine(Frames, "frame-000005.png"));
        Assert.Equal(160, newest.GetPixel(1, 1).Red);
    }

    [Fact]
    public void Continues_numbering_after_an_earlier_run_and_prunes_its_files()
    {
        using (var first = new PngSink(Frames, 2, 2, maxFiles: 2))
        {
            first.Present(TestFrames.Solid(2, 2, 1, 2, 3));
            first.Present(TestFrames.Solid(2, 2, 1, 2, 3));
        }

        using var second = new PngSink(Frames, 2, 2, maxFiles: 2);
        second.Present(TestFrames.Solid(2, 2, 1, 2, 3));

        Assert.Equal(
            ["frame-000002.png", "frame-000003.png"],
            Directory.GetFiles(Frames).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Frame_pixels_are_not_kept_after_present()
    {
        using var sink = new PngSink(Frames, 2, 1);
        var frame = TestFrames.Solid(2, 1, 10, 20, 30);
        sink.Present(frame, frame.Dirty);

        // The renderer reuses its buffer: overwriting it must not change what was written.
        Array.Fill(frame.Pixels, (byte)0xFF);
        frame.SetDirty([new PixelRect(0, 0, 2, 1)]);
        sink.Present(frame, frame.Dirty);

        using var first = SKBitmap.Decode(Path.Combine(Frames, "frame-000001.png"));
        using var second = SKBitmap.Decode(Path.Combine(Frames, "frame-000002.png"));
        Assert.Equal(new SKColor(10, 20, 30), first.GetPixel(1, 0));
        Assert.Equal(new SKColor(255, 255, 255), second.GetPixel(1, 0));
    }

    public void Dispose() => _temp.Dispose();
}
