using System.Buffers.Binary;

namespace Kiosk.Render.Frames;

/// <summary>
/// BGRA8888 to RGB565, the format small SPI panels take. Big-endian is what ST7789/ILI9341 expect on the wire;
/// little-endian is what a 16 bpp Linux framebuffer holds.
/// </summary>
public static class Rgb565
{
    /// <summary>Converts one row of pixels (scalar reference; the vectorised path must match it exactly).</summary>
    public static void ConvertRow(ReadOnlySpan<byte> bgra, Span<byte> rgb565, bool bigEndian)
    {
        int pixels = bgra.Length / 4;
        for (int i = 0; i < pixels; i++)
        {
            ushort v = Pack(bgra[(i * 4) + 2], bgra[(i * 4) + 1], bgra[i * 4]);
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(rgb565[(i * 2)..], v);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(rgb565[(i * 2)..], v);
            }
        }
    }

    /// <summary>Converts the rectangle <paramref name="rect"/> of <paramref name="frame"/> into a tightly packed buffer.</summary>
    public static void ConvertRect(Frame frame, PixelRect rect, Span<byte> destination, bool bigEndian)
    {
        int rowBytes = rect.Width * 2;
        for (int y = 0; y < rect.Height; y++)
        {
            var src = frame.Pixels.AsSpan(((rect.Y + y) * frame.Stride) + (rect.X * 4), rect.Width * 4);
            ConvertRow(src, destination.Slice(y * rowBytes, rowBytes), bigEndian);
        }
    }

    public static ushort Pack(byte r, byte g, byte b) => (ushort)(((r & 0xF8) << 8) | ((g & 0xFC) << 3) | (b >> 3));
}
