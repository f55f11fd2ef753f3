using Kiosk.Host.Hardware;
using System.Device.Spi;
using Kiosk.Host.Display;
using Kiosk.Host.Display.Fbdev;
using Kiosk.Host.Display.Ili9341;
using Kiosk.Host.Display.Png;
using Kiosk.Host.Display.St7789;
using Kiosk.Host.Tests.Display.Fakes;
using Kiosk.Host.Tests.Display.Fbdev;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Display;

public sealed class DisplaySinkFactoryTests
{
    private readonly HardwareLog _log = new();
    private readonly List<SpiConnectionSettings> _spiRequests = [];
    private readonly List<FakeGpioDriver> _drivers = [];
    private FramebufferGeometry _geometry = new(8, 4, 32, 32);

    [Fact]
    public void Spi_st7789_opens_the_configured_bus_and_builds_the_panel()
    {
        var options = new DisplayOptions
        {
            Spec = "spi:st7789",
            SpiBus = 0,
            SpiChipSelect = 1,
            SpiClockHz = 40_000_000,
            SpiMode = 3,
            Rotation = 90,
            Width = 240,
            Height = 320,
        };

        using var sink = CreateFactory().Create(options);

        Assert.IsType<St7789Sink>(sink);
        Assert.Equal((320, 240), (sink.Width, sink.Height));
        var settings = Assert.Single(_spiRequests);
        Assert.Equal((0, 1, 40_000_000, SpiMode.Mode3), (settings.BusId, settings.ChipSelectLine, settings.ClockFrequency, settings.Mode));
        Assert.Contains("cmd 29", _log.Entries);
    }

    [Fact]
    public void Spi_ili9341_defaults_to_240x320()
    {
        using var sink = CreateFactory().Create(new DisplayOptions { Spec = "spi:ili9341" });

        Assert.IsType<Ili9341Sink>(sink);
        Assert.Equal((240, 320), (sink.Width, sink.Height));
    }

    [Fact]
    public void Fbdev_reads_the_geometry_of_the_named_device()
    {
        _geometry = new FramebufferGeometry(8, 4, 16, 16);
        using var fb = new FakeFramebuffer(_geometry);

        using var sink = CreateFactory().Create(new DisplayOptions { Spec = $"fbdev:{fb.Path}" });

        Assert.IsType<FbdevSink>(sink);
        Assert.Equal($"fbdev:{fb.Path}", sink.Name);
        Assert.Equal((8, 4), (sink.Width, sink.Height));
    }

    [Fact]
    public void Png_uses_the_configured_size_and_directory()
    {
        using var temp = new TempDir();
        string directory = temp.Combine("frames");
        using var sink = CreateFactory().Create(new DisplayOptions { Spec = $"png:{directory}", Width = 320, Height = 200 });

        Assert.IsType<PngSink>(sink);
        Assert.Equal((320, 200), (sink.Width, sink.Height));
        Assert.True(Directory.Exists(directory));
    }

    [Fact]
    public void Preview_is_left_to_the_web_preview()
    {
        Assert.Null(CreateFactory().Create(new DisplayOptions { Spec = "preview" }));
    }

    [Theory]
    [InlineData("hdmi", "Display: unknown display 'hdmi'")]
    [InlineData("spi:ssd1306", "Display: unknown SPI panel 'ssd1306'")]
    [InlineData("fbdev:", "Display: 'fbdev:' needs a framebuffer device")]
    public void Unknown_spec_is_refused_before_any_hardware_is_touched(string spec, string message)
    {
        var error = Assert.Throws<DisplayConfigurationException>(() => CreateFactory().Create(new DisplayOptions { Spec = spec }));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(_spiRequests);
        Assert.Empty(_drivers);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_bad_key()
    {
        var options = new DisplayOptions { Spec = "spi:st7789", Rotation = 45, DcPin = 99 };

        var error = Assert.Throws<DisplayConfigurationException>(() => CreateFactory().Create(options));

        Assert.Contains("DisplayOptions:Rotation", error.Message, StringComparison.Ordinal);
        Assert.Contains("DisplayOptions:DcPin", error.Message, StringComparison.Ordinal);
        Assert.Empty(_spiRequests);
    }

    [Fact]
    public void Hardware_is_released_when_the_panel_fails_to_start()
    {
        RecordingSpiDevice? spi = null;
        var factory = new DisplaySinkFactory(
            settings => spi = new RecordingSpiDevice(new FakeGpioDriver(_log), 25, _log, settings),
            new GpioControllerFactory(() => throw new IOException("gpiochip0 busy")),
            new FixedFramebufferInfo(_geometry),
            _log.Sleep);

        var error = Assert.Throws<IOException>(() => factory.Create(new DisplayOptions { Spec = "spi:st7789" }));

        Assert.Equal("gpiochip0 busy", error.Message);
        Assert.True(spi?.Disposed);
    }

    private DisplaySinkFactory CreateFactory() => new(
        settings =>
        {
            _spiRequests.Add(settings);
            var driver = new FakeGpioDriver(_log);
            _drivers.Add(driver);
            return new RecordingSpiDevice(driver, new DisplayOptions().DcPin, _log, settings);
        },
        new GpioControllerFactory(() => _drivers.Count > 0 ? _drivers[^1] : throw new InvalidOperationException("GPIO before SPI")),
        new FixedFramebufferInfo(_geometry),
        _log.Sleep);
}
