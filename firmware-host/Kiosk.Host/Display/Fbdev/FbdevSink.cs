using Kiosk.Render.Frames;
using Microsoft.Win32.SafeHandles;

namespace Kiosk.Host.Display.Fbdev;

/// <summary>
/// A Linux framebuffer (HDMI on Pi OS). Writes each dirty row with one positioned write (pwrite), so rows
/// outside the dirty rectangles are never touched. 32 bpp takes BGRA as is; 16 bpp gets RGB565 little-endian.
/// A frame of another size is centred, and cropped where it is larger than the screen.
/// </summary>
public sealed class FbdevSink : IDisplaySink
{
    private readonly SafeFileHandle _device;
    private readonly FramebufferGeometry _geometry;

    // One device row: conversion target at 16 bpp and the zeros that blank the margins.
    private readonly byte[] _row;
    private bool _marginsBlanked;

    public FbdevSink(string devicePath, IFramebufferInfo info)
    {
        _geometry = info.Read(devicePath);
        Name = $"fbdev:{devicePath}";
        if (_geometry.BitsPerPixel is not (16 or 32))
        {
            throw new DisplayConfigurationException(
                $"{Name}: {_geometry.BitsPerPixel} bits per pixel is not supported; set the framebuffer to 16 or 32 bpp (framebuffer_depth in config.txt).");
        }

        if (_geometry.Width <= 0 || _geometry.Height <= 0 || _geometry.Stride < _geometry.Width * _geometry.BytesPerPixel)
        {
            throw new DisplayConfigurationException(
                $"{Name}: geometry {_geometry.Width}x{_geometry.Height}, stride {_geometry.Stride} does not hold {_geometry.BitsPerPixel} bpp rows.");
        }

        _row = new byte[_geometry.Stride];
        try
        {
            _device = File.OpenHandle(devicePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DisplayConfigurationException($"{Name}: cannot open for writing: {e.Message} (is the user in the 'video' group?)", e);
        }
    }

    public string Name { get; }

    public int Width => _geometry.Width;

    public int Height => _geometry.Height;

    public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
    {
        // Where the frame's origin lands on the screen; negative when the frame is larger and gets cropped.
        int originX = (_geometry.Width - frame.Width) / 2;
        int originY = (_geometry.Height - frame.Height) / 2;
        var visible = new PixelRect(-originX, -originY, _geometry.Width, _geometry.Height).Intersect(frame.Bounds);
        if (!_marginsBlanked)
        {
            BlankMargins(visible, originX, originY);
            _marginsBlanked = true;
        }

        // An indexed loop: foreach over the interface would allocate an enumerator every frame.
        for (int i = 0; i < dirty.Count; i++)
        {
            var rect = dirty[i].Intersect(visible);
            if (!rect.IsEmpty)
            {
                WriteRect(frame, rect, originX, originY);
            }
        }
    }

    private void WriteRect(Frame frame, PixelRect rect, int originX, int originY)
    {
        int bytesPerPixel = _geometry.BytesPerPixel;
        long offset = ((long)(rect.Y + originY) * _geometry.Stride) + ((long)(rect.X + originX) * bytesPerPixel);
        if (bytesPerPixel == 4 && rect.Width == frame.Width && frame.Stride == _geometry.Stride)
        {
            // Whole rows with matching strides are contiguous on both sides: one write for the rectangle.
            RandomAccess.Write(_device, frame.Pixels.AsSpan(rect.Y * frame.Stride, rect.Height * frame.Stride), offset);
            return;
        }

        for (int y = rect.Y; y < rect.Bottom; y++, offset += _geometry.Stride)
        {
            var source = frame.Pixels.AsSpan((y * frame.Stride) + (rect.X * 4), rect.Width * 4);
            if (bytesPerPixel == 4)
            {
                RandomAccess.Write(_device, source, offset);
            }
            else
            {
                var converted = _row.AsSpan(0, rect.Width * 2);
                Rgb565.ConvertRow(source, converted, bigEndian: false);
                RandomAccess.Write(_device, converted, offset);
            }
        }
    }

    /// <summary>Blacks out the screen around a smaller frame once, so no console text shows beside it.</summary>
    private void BlankMargins(PixelRect visible, int originX, int originY)
    {
        if (visible.Width == _geometry.Width && visible.Height == _geometry.Height)
        {
            return;
        }

        Array.Clear(_row);
        int bytesPerPixel = _geometry.BytesPerPixel;
        int top = visible.Y + originY, bottom = visible.Bottom + originY;
        int left = visible.X + originX, right = visible.Right + originX;
        for (int y = 0; y < _geometry.Height; y++)
        {
            long rowStart = (long)y * _geometry.Stride;
            if (y < top || y >= bottom)
            {
                RandomAccess.Write(_device, _row.AsSpan(0, _geometry.Width * bytesPerPixel), rowStart);
                continue;
            }

            if (left > 0)
            {
                RandomAccess.Write(_device, _row.AsSpan(0, left * bytesPerPixel), rowStart);
            }

            if (right < _geometry.Width)
            {
                RandomAccess.Write(_device, _row.AsSpan(0, (_geometry.Width - right) * bytesPerPixel), rowStart + (right * bytesPerPixel));
            }
        }
    }

    public void Dispose() => _device.Dispose();
}
