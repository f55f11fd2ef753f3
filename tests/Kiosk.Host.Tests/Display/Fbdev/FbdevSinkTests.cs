using Kiosk.Host.Display;
using Kiosk.Host.Display.Fbdev;
using Kiosk.Render.Frames;

namespace Kiosk.Host.Tests.Display.Fbdev;

public sealed class FbdevSinkTests
{
    [Fact]
    public void Bgra_32bpp_writes_only_the_dirty_rect_rows_at_stride_offsets()
    {
        // Stride 40 for 8 pixels: 8 padding bytes per row that must never be written.
        using var fb = new FakeFramebuffer(new FramebufferGeometry(8, 4, 32, 40));
        using var sink = fb.CreateSink();
        var frame = TestFrames.Pattern(8, 4);
        frame.SetDirty([new PixelRect(2, 1, 3, 2)]);

        sink.Present(frame, frame.Dirty);

        var bytes = fb.Bytes();
        for (int y = 0; y < 4; y++)
        {
            for (int x = 0; x < 10; x++)
            {
                var device = bytes.AsSpan((y * 40) + (x * 4), 4);
                bool dirty = x is >= 2 and < 5 && y is >= 1 and < 3;
                byte[] expected = dirty ? frame.Pixels.AsSpan((y * frame.Stride) + (x * 4), 4).ToArray() : [0xAA, 0xAA, 0xAA, 0xAA];
                Assert.True(expected.AsSpan().SequenceEqual(device), $"pixel ({x},{y}): expected {Convert.ToHexString(expected)}, got {Convert.ToHexString(device)}");
            }
        }
    }

    [Fact]
    public void Full_width_32bpp_frame_lands_byte_for_byte()
    {
        using var fb = new FakeFramebuffer(new FramebufferGeometry(6, 5, 32, 24));
        using var sink = fb.CreateSink();
        var frame = TestFrames.Pattern(6, 5, seed: 9);

        sink.Present(frame, frame.Dirty);

        Assert.Equal(frame.Pixels, fb.Bytes());
    }

    [Fact]
    public void Rgb565_16bpp_is_little_endian_at_the_right_offsets()
    {
        using var fb = new FakeFramebuffer(new FramebufferGeometry(8, 3, 16, 20));
        using var sink = fb.CreateSink();
        var frame = new Frame(8, 3);
        TestFrames.SetPixel(frame, 3, 1, 255, 0, 0);
        TestFrames.SetPixel(frame, 4, 1, 0, 255, 0);
        TestFrames.SetPixel(frame, 5, 1, 0x12, 0x34, 0x56);
        frame.SetDirty([new PixelRect(3, 1, 3, 1)]);

        sink.Present(frame, frame.Dirty);

        var bytes = fb.Bytes();
        Assert.Equal("00F8E007AA11", Convert.ToHexString(bytes, 20 + 6, 6));
        Assert.All(bytes.AsSpan(0, 26).ToArray(), b => Assert.Equal(FakeFramebuffer.Untouched, b));
        Assert.All(bytes.AsSpan(32).ToArray(), b => Assert.Equal(FakeFramebuffer.Untouched, b));
    }

    [Fact]
    public void Smaller_frame_is_centred_with_margins_blanked_once()
    {
        using var fb = new FakeFramebuffer(new FramebufferGeometry(10, 6, 32, 40));
        using var sink = fb.CreateSink();
        var frame = TestFrames.Solid(6, 4, 255, 255, 255);

        sink.Present(frame, frame.Dirty);

        var bytes = fb.Bytes();
        for (int y = 0; y < 6; y++)
        {
            for (int x = 0; x < 10; x++)
            {
                bool inside = x is >= 2 and < 8 && y is >= 1 and < 5;
                uint pixel = BitConverter.ToUInt32(bytes, (y * 40) + (x * 4));
                Assert.True(pixel == (inside ? 0xFFFFFFFF : 0u), $"pixel ({x},{y}) is {pixel:X8}");
            }
        }
    }

    [Fact]
    public void Larger_frame_is_cropped_around_its_centre()
    {
        using var fb = new FakeFramebuffer(new FramebufferGeometry(4, 2, 32, 16));
        using var sink = fb.CreateSink();
        var frame = TestFrames.Pattern(8, 4);

        sink.Present(frame, frame.Dirty);

        var bytes = fb.Bytes();
        for (int y = 0; y < 2; y++)
        {
            // Screen row y shows frame row y+1, columns 2..5.
            var expected = frame.Pixels.AsSpan(((y + 1) * frame.Stride) + 8, 16).ToArray();
            Assert.Equal(expected, bytes.AsSpan(y * 16, 16).ToArray());
        }
    }

    [Fact]
    public void Later_partial_frame_leaves_the_rest_of_the_screen_alone()
    {
        using var fb = new FakeFramebuffer(new FramebufferGeometry(4, 4, 32, 16));
        using var sink = fb.CreateSink();
        sink.Present(TestFrames.Solid(4, 4, 0, 0, 255));
        var frame = TestFrames.Solid(4, 4, 255, 0, 0);
        frame.SetDirty([new PixelRect(1, 1, 1, 1)]);

        sink.Present(frame, frame.Dirty);

        var pixels = fb.Bytes().Chunk(4).Select(p => Convert.ToHexString(p)).ToArray();
        Assert.Equal("0000FFFF", pixels[5]);
        Assert.All(pixels.Where((_, i) => i != 5), p => Assert.Equal("FF0000FF", p));
    }

    [Fact]
    public void Empty_dirty_list_writes_nothing()
    {
        using var fb = new FakeFramebuffer(new FramebufferGeometry(4, 4, 32, 16));
        using var sink = fb.CreateSink();
        var frame = TestFrames.Solid(4, 4, 255, 0, 0);
        frame.SetDirty([]);

        sink.Present(frame, frame.Dirty);

        Assert.All(fb.Bytes(), b => Assert.Equal(FakeFramebuffer.Untouched, b));
    }

    [Fact]
    public void Reports_the_framebuffer_size_and_name()
    {
        using var fb = new FakeFramebuffer(new FramebufferGeometry(8, 2, 16, 16));
        using var sink = fb.CreateSink();

        Assert.Equal((8, 2), (sink.Width, sink.Height));
        Assert.Equal($"fbdev:{fb.Path}", sink.Name);
    }

    [Theory]
    [InlineData(24, 24)]
    [InlineData(8, 8)]
    public void Unsupported_depth_is_refused_with_a_clear_message(int bitsPerPixel, int stride)
    {
        using var fb = new FakeFramebuffer(new FramebufferGeometry(8, 1, bitsPerPixel, stride));

        var error = Assert.Throws<DisplayConfigurationException>(fb.CreateSink);
        Assert.Contains($"{bitsPerPixel} bits per pixel", error.Message, StringComparison.Ordinal);
    }
}
