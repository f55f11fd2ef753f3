using Kiosk.Render.Frames;

namespace Kiosk.Render.Tests;

/// <summary>The vectorised RGB565 conversion gives the scalar reference's bytes for every length and alignment.</summary>
public sealed class Rgb565Tests
{
    public static TheoryData<int, bool> Lengths
    {
        get
        {
            var data = new TheoryData<int, bool>();
            foreach (bool bigEndian in new[] { false, true })
            {
                for (int n = 0; n <= 67; n++)
                {
                    data.Add(n, bigEndian);
                }

                foreach (int n in new[] { 320, 479, 1920, 4099, 320 * 240 })
                {
                    data.Add(n, bigEndian);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Random_row_converts_like_the_scalar_reference(int pixels, bool bigEndian)
    {
        var random = new Random(pixels * 31 + (bigEndian ? 1 : 0));
        // One spare leading byte makes the source unaligned, as a rectangle's row inside a frame usually is.
        byte[] source = new byte[(pixels * 4) + 1];
        random.NextBytes(source);
        var bgra = source.AsSpan(1);

        byte[] expected = new byte[pixels * 2];
        byte[] actual = new byte[(pixels * 2) + 2];
        actual[^1] = actual[^2] = 0xA5;
        Rgb565.ConvertRowScalar(bgra, expected, bigEndian);
        Rgb565.ConvertRow(bgra, actual, bigEndian);

        Assert.Equal(expected, actual[..(pixels * 2)]);
        Assert.Equal([0xA5, 0xA5], actual[^2..]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scalar_reference_packs_each_pixel_in_the_requested_byte_order(bool bigEndian)
    {
        byte[] bgra = [0x10, 0x80, 0xF0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        byte[] rgb = new byte[4];
        Rgb565.ConvertRowScalar(bgra, rgb, bigEndian);

        // r=0xF0 -> 11110, g=0x80 -> 100000, b=0x10 -> 00010: 1111 0100 0000 0010 = 0xF402
        byte[] expected = bigEndian ? [0xF4, 0x02, 0xFF, 0xFF] : [0x02, 0xF4, 0xFF, 0xFF];
        Assert.Equal(expected, rgb);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_channel_value_converts_like_the_scalar_reference(bool bigEndian)
    {
        // 256 pixels with each channel running through all values, in different orders, so no bit is missed.
        byte[] bgra = new byte[256 * 4];
        for (int v = 0; v < 256; v++)
        {
            bgra[v * 4] = (byte)v;
            bgra[(v * 4) + 1] = (byte)(255 - v);
            bgra[(v * 4) + 2] = (byte)(v * 7);
            bgra[(v * 4) + 3] = (byte)(v * 13);
        }

        byte[] expected = new byte[512], actual = new byte[512];
        Rgb565.ConvertRowScalar(bgra, expected, bigEndian);
        Rgb565.ConvertRow(bgra, actual, bigEndian);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(0, 0, 37, 23, true)]
    [InlineData(5, 7, 29, 11, false)]
    [InlineData(0, 3, 64, 9, true)]
    [InlineData(63, 40, 1, 1, false)]
    public void Rectangle_converts_row_by_row_into_a_packed_buffer(int x, int y, int w, int h, bool bigEndian)
    {
        var frame = new Frame(64, 41);
        new Random(x + y + w + h).NextBytes(frame.Pixels);
        var rect = new PixelRect(x, y, w, h);

        byte[] expected = new byte[w * h * 2];
        for (int row = 0; row < h; row++)
        {
            Rgb565.ConvertRowScalar(frame.Pixels.AsSpan(((y + row) * frame.Stride) + (x * 4), w * 4), expected.AsSpan(row * w * 2, w * 2), bigEndian);
        }

        byte[] actual = new byte[w * h * 2];
        Rgb565.ConvertRect(frame, rect, actual, bigEndian);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Too_small_a_destination_is_refused()
    {
        byte[] bgra = new byte[40];
        Assert.Throws<ArgumentException>(() => Rgb565.ConvertRow(bgra, new byte[19], bigEndian: true));
    }
}
