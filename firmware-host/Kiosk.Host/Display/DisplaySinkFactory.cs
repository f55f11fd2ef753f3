using System.Device.Gpio;
using System.Device.Spi;
using Kiosk.Host.Display.Fbdev;
using Kiosk.Host.Display.Ili9341;
using Kiosk.Host.Display.Png;
using Kiosk.Host.Display.SpiPanels;
using Kiosk.Host.Display.St7789;

using Kiosk.Host.Hardware;

namespace Kiosk.Host.Display;

/// <summary>
/// Builds the sink that <see cref="DisplayOptions.Spec"/> names. Hardware comes from the injected factories,
/// so tests hand in a recording SPI device and a fake GPIO driver. Returns null for <c>preview</c>, which the
/// web preview provides itself.
/// </summary>
public sealed class DisplaySinkFactory(
    Func<SpiConnectionSettings, SpiDevice> createSpiDevice,
    GpioControllerFactory gpio,
    IFramebufferInfo framebufferInfo,
    Action<TimeSpan>? sleep = null)
{
    /// <summary>PNG frames have no device size; this is used when no Width/Height is configured.</summary>
    public const int DefaultPngWidth = 1280;
    public const int DefaultPngHeight = 720;

    /// <summary>The Raspberry Pi: spidev, libgpiod on the header's GPIO chip, sysfs framebuffer geometry.</summary>
    public static DisplaySinkFactory ForRaspberryPi(GpioControllerFactory gpio) =>
        new(SpiDevice.Create, gpio, new SysfsFramebufferInfo());

    public IDisplaySink? Create(DisplayOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new DisplayConfigurationException(string.Join(Environment.NewLine, errors));
        }

        var spec = DisplaySpec.Parse(options.Spec);
        return spec.Kind switch
        {
            DisplayKind.Fbdev => new FbdevSink(spec.Argument, framebufferInfo),
            DisplayKind.Png => new PngSink(
                spec.Argument,
                options.Width ?? DefaultPngWidth,
                options.Height ?? DefaultPngHeight,
                options.PngMaxFiles),
            DisplayKind.St7789 => CreatePanel(
                options,
                St7789Sink.DefaultWidth,
                St7789Sink.DefaultHeight,
                (spi, gpio, panel) => new St7789Sink(spi, gpio, panel, sleep)),
            DisplayKind.Ili9341 => CreatePanel(
                options,
                Ili9341Sink.DefaultWidth,
                Ili9341Sink.DefaultHeight,
                (spi, gpio, panel) => new Ili9341Sink(spi, gpio, panel, sleep)),
            _ => null,
        };
    }

    private SpiPanelSink CreatePanel(
        DisplayOptions options,
        int defaultWidth,
        int defaultHeight,
        Func<SpiDevice, GpioController, SpiPanelOptions, SpiPanelSink> create)
    {
        var panel = new SpiPanelOptions
        {
            Width = options.Width ?? defaultWidth,
            Height = options.Height ?? defaultHeight,
            DcPin = options.DcPin,
            ResetPin = options.ResetPin,
            BacklightPin = options.BacklightPin,
            Rotation = options.Rotation,
            XOffset = options.XOffset,
            YOffset = options.YOffset,
            ChunkSize = options.ChunkSize,
        };
        var settings = new SpiConnectionSettings(options.SpiBus, options.SpiChipSelect)
        {
            ClockFrequency = options.SpiClockHz,
            Mode = (SpiMode)options.SpiMode,
        };

        SpiDevice? spi = null;
        GpioController? controller = null;
        try
        {
            spi = createSpiDevice(settings);
            controller = gpio.Open();
            return create(spi, controller, panel);
        }
        catch
        {
            controller?.Dispose();
            spi?.Dispose();
            throw;
        }
    }
}
