using System.Device.Gpio;
using Kiosk.Host.Display.Ili9341;
using Kiosk.Host.Display.SpiPanels;
using Kiosk.Host.Display.St7789;
using Kiosk.Host.Tests.Display.Fakes;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Display.SpiPanels;

/// <summary>A panel sink wired to the fake GPIO driver and the recording SPI device.</summary>
internal sealed class PanelRig : IDisposable
{
    public const int Dc = 25;
    public const int Reset = 27;
    public const int Backlight = 18;

    private PanelRig(Func<RecordingSpiDevice, GpioController, Action<TimeSpan>, SpiPanelSink> create)
    {
        Gpio = new FakeGpioDriver(Log);
        Spi = new RecordingSpiDevice(Gpio, Dc, Log);
        Sink = create(Spi, new GpioController(Gpio), Log.Sleep);
    }

    public HardwareLog Log { get; } = new();

    public FakeGpioDriver Gpio { get; }

    public RecordingSpiDevice Spi { get; }

    public SpiPanelSink Sink { get; }

    public static PanelRig St7789(int width = 240, int height = 240, int rotation = 0, int xOffset = 0, int yOffset = 0, int chunkSize = 4096, int resetPin = Reset) =>
        new((spi, gpio, sleep) => new St7789Sink(spi, gpio, Options(width, height, rotation, xOffset, yOffset, chunkSize, resetPin), sleep));

    public static PanelRig Ili9341(int rotation = 0) =>
        new((spi, gpio, sleep) => new Ili9341Sink(spi, gpio, Options(240, 320, rotation, 0, 0, 4096, Reset), sleep));

    /// <summary>The log without DC-line writes, which the cmd/data entries already show.</summary>
    public List<string> Trace() => Log.Entries.Where(e => !e.StartsWith($"gpio {Dc}=", StringComparison.Ordinal)).ToList();

    public void Dispose() => Sink.Dispose();

    private static SpiPanelOptions Options(int width, int height, int rotation, int xOffset, int yOffset, int chunkSize, int resetPin) => new()
    {
        Width = width,
        Height = height,
        Rotation = rotation,
        XOffset = xOffset,
        YOffset = yOffset,
        ChunkSize = chunkSize,
        DcPin = Dc,
        ResetPin = resetPin,
        BacklightPin = Backlight,
    };
}
