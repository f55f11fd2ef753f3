using Kiosk.Render.Frames;

namespace Kiosk.Host.Display.SpiPanels;

/// <summary>
/// What the panel's RAM holds, in its wire format (RGB565 big-endian), so a rectangle whose pixels the panel
/// already shows is not sent again. Comparing after conversion also skips changes too small for 16 bits.
/// </summary>
internal sealed class PanelShadow
{
    private readonly int _width;
    private readonly byte[] _shown;
    private readonly byte[] _converted;

    public PanelShadow(int width, int height)
    {
        _width = width;
        _shown = new byte[width * height * 2];
        _converted = new byte[width * height * 2];
    }

    /// <summary>Zeroes the shadow (black) and returns a full screen of black to send.</summary>
    public ReadOnlySpan<byte> Clear()
    {
        Array.Clear(_shown);
        Array.Clear(_converted);
        return _converted;
    }

    /// <summary>
    /// Converts <paramref name="rect"/> of <paramref name="frame"/>, records it as shown and returns its packed
    /// pixels; returns an empty span when the panel already shows exactly these pixels.
    /// </summary>
    public ReadOnlySpan<byte> Update(Frame frame, PixelRect rect)
    {
        int rowBytes = rect.Width * 2;
        var converted = _converted.AsSpan(0, rowBytes * rect.Height);
        Rgb565.ConvertRect(frame, rect, converted, bigEndian: true);

        bool changed = false;
        for (int y = 0; y < rect.Height; y++)
        {
            var source = converted.Slice(y * rowBytes, rowBytes);
            var shown = _shown.AsSpan((((rect.Y + y) * _width) + rect.X) * 2, rowBytes);
            if (!source.SequenceEqual(shown))
            {
                source.CopyTo(shown);
                changed = true;
            }
        }

        return changed ? converted : [];
    }
}
