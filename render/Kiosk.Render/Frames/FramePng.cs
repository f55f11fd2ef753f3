using SkiaSharp;

namespace Kiosk.Render.Frames;

/// <summary>Frames to and from PNG bytes in memory, for proofs, golden tests, the preview and the PNG sink; writing
/// files is the host's business.</summary>
public static class FramePng
{
    public static byte[] Encode(Frame frame)
    {
        var info = new SKImageInfo(frame.Width, frame.Height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        using var pixmap = new SKPixmap(info, System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(frame.Pixels, 0), frame.Stride);
        using var data = pixmap.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("PNG encoding failed");
        return data.ToArray();
    }

    /// <summary>Decodes a PNG into a frame (BGRA, opaque) so two images compare pixel by pixel.</summary>
    public static Frame Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("not a PNG image");
        var frame = new Frame(bitmap.Width, bitmap.Height);
        var info = new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        using var pixmap = new SKPixmap(info, System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(frame.Pixels, 0), frame.Stride);
        if (!bitmap.PeekPixels().ReadPixels(pixmap))
        {
            throw new InvalidDataException("PNG pixels could not be converted to BGRA");
        }

        return frame;
    }
}
