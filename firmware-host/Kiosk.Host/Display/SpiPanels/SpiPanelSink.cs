using System.Buffers.Binary;
using System.Device.Gpio;
using System.Device.Spi;
using Kiosk.Render.Frames;

namespace Kiosk.Host.Display.SpiPanels;

/// <summary>
/// A MIPI-DCS panel on SPI with a data/command line (low = command): reset and init, then for each changed
/// dirty rectangle a CASET/RASET window, RAMWR and the RGB565 big-endian pixels in spidev-sized chunks.
/// Panels supply their MADCTL values and any extra init; subclasses call <see cref="Initialize"/> last in
/// their constructor. Owns and disposes the SPI device and the GPIO controller.
/// </summary>
public abstract class SpiPanelSink : IDisplaySink
{
    private readonly SpiDevice _spi;
    private readonly GpioController _gpio;
    private readonly SpiPanelOptions _options;
    private readonly Action<TimeSpan> _sleep;
    private readonly PanelShadow _shadow;
    private bool _disposed;

    protected SpiPanelSink(string name, SpiDevice spi, GpioController gpio, SpiPanelOptions options, Action<TimeSpan>? sleep)
    {
        if (options.Rotation is not (0 or 90 or 180 or 270))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Rotation, "Rotation must be 0, 90, 180 or 270.");
        }

        if (options.Width <= 0 || options.Height <= 0 || options.ChunkSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Width, Height and ChunkSize must be positive.");
        }

        Name = name;
        _spi = spi;
        _gpio = gpio;
        _options = options;
        _sleep = sleep ?? Thread.Sleep;
        bool swapped = options.Rotation is 90 or 270;
        Width = swapped ? options.Height : options.Width;
        Height = swapped ? options.Width : options.Height;
        _shadow = new PanelShadow(Width, Height);

        _gpio.OpenPin(options.DcPin, PinMode.Output);
        if (options.ResetPin != DisplayOptions.NotWired)
        {
            _gpio.OpenPin(options.ResetPin, PinMode.Output, PinValue.High);
        }

        if (options.BacklightPin != DisplayOptions.NotWired)
        {
            // Dark until the first clear has gone out, so power-on noise is never seen.
            _gpio.OpenPin(options.BacklightPin, PinMode.Output, PinValue.Low);
        }
    }

    public string Name { get; }

    public int Width { get; }

    public int Height { get; }

    protected int Rotation => _options.Rotation;

    /// <summary>MADCTL parameter for a clockwise rotation of 0, 90, 180 or 270 degrees.</summary>
    protected abstract byte MadctlFor(int rotation);

    /// <summary>Power, timing and gamma settings sent after software reset, before sleep out.</summary>
    protected virtual void SendPowerSetup()
    {
    }

    /// <summary>Settings sent after pixel format and MADCTL, before the display is switched on.</summary>
    protected virtual void SendDisplaySetup()
    {
    }

    /// <summary>Resets, configures and blanks the panel, then lights the backlight.</summary>
    protected void Initialize()
    {
        if (_options.ResetPin != DisplayOptions.NotWired)
        {
            _gpio.Write(_options.ResetPin, PinValue.Low);
            _sleep(TimeSpan.FromMilliseconds(10));
            _gpio.Write(_options.ResetPin, PinValue.High);
            _sleep(TimeSpan.FromMilliseconds(120));
        }

        SendCommand(MipiDcs.SoftwareReset);
        _sleep(TimeSpan.FromMilliseconds(150));
        SendPowerSetup();
        SendCommand(MipiDcs.SleepOut);

        // Both datasheets ask for 120 ms after SLPOUT before the supply has settled.
        _sleep(TimeSpan.FromMilliseconds(120));
        SendCommand(MipiDcs.PixelFormatSet, [MipiDcs.Rgb565Format]);
        SendCommand(MipiDcs.MemoryAccessControl, [MadctlFor(_options.Rotation)]);
        SendDisplaySetup();
        SendCommand(MipiDcs.NormalDisplayOn);
        _sleep(TimeSpan.FromMilliseconds(10));
        SendCommand(MipiDcs.DisplayOn);
        _sleep(TimeSpan.FromMilliseconds(20));

        // RAM is random after reset; blanking it makes the shadow (all black) true.
        SendPixels(new PixelRect(0, 0, Width, Height), _shadow.Clear());

        if (_options.BacklightPin != DisplayOptions.NotWired)
        {
            _gpio.Write(_options.BacklightPin, PinValue.High);
        }
    }

    public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"{Name}: frame is {frame.Width}x{frame.Height}, the panel {Width}x{Height}.", nameof(frame));
        }

        // An indexed loop: foreach over the interface would allocate an enumerator every frame.
        for (int i = 0; i < dirty.Count; i++)
        {
            var rect = dirty[i].Intersect(frame.Bounds);
            if (rect.IsEmpty)
            {
                continue;
            }

            var pixels = _shadow.Update(frame, rect);
            if (!pixels.IsEmpty)
            {
                SendPixels(rect, pixels);
            }
        }
    }

    /// <summary>Sends a command byte (DC low) and, if any, its parameters (DC high).</summary>
    protected void SendCommand(byte command, ReadOnlySpan<byte> parameters = default)
    {
        _gpio.Write(_options.DcPin, PinValue.Low);
        _spi.Write([command]);
        if (!parameters.IsEmpty)
        {
            SendData(parameters);
        }
    }

    /// <summary>Sends a table of commands laid out as: command, parameter count, parameters, ...</summary>
    protected void SendCommands(ReadOnlySpan<byte> table)
    {
        while (!table.IsEmpty)
        {
            int count = table[1];
            SendCommand(table[0], table.Slice(2, count));
            table = table[(2 + count)..];
        }
    }

    private void SendPixels(PixelRect rect, ReadOnlySpan<byte> pixels)
    {
        Span<byte> window = stackalloc byte[4];
        SetRange(window, rect.X + _options.XOffset, rect.Width);
        SendCommand(MipiDcs.ColumnAddressSet, window);
        SetRange(window, rect.Y + _options.YOffset, rect.Height);
        SendCommand(MipiDcs.RowAddressSet, window);
        SendCommand(MipiDcs.MemoryWrite, pixels);
    }

    /// <summary>Start and inclusive end address, each big-endian.</summary>
    private static void SetRange(Span<byte> window, int start, int length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(window, (ushort)start);
        BinaryPrimitives.WriteUInt16BigEndian(window[2..], (ushort)(start + length - 1));
    }

    private void SendData(ReadOnlySpan<byte> data)
    {
        _gpio.Write(_options.DcPin, PinValue.High);
        int chunk = _options.ChunkSize;
        for (int start = 0; start < data.Length; start += chunk)
        {
            _spi.Write(data.Slice(start, Math.Min(chunk, data.Length - start)));
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        if (_options.BacklightPin != DisplayOptions.NotWired && _gpio.IsPinOpen(_options.BacklightPin))
        {
            _gpio.Write(_options.BacklightPin, PinValue.Low);
        }

        _gpio.Dispose();
        _spi.Dispose();
    }
}
