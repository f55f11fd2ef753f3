using System.Device.Gpio;
using System.Device.Spi;
using Kiosk.Host.Display.SpiPanels;

namespace Kiosk.Host.Display.Ili9341;

/// <summary>
/// Ilitek ILI9341 (240x320 TFT). Unlike the ST7789 it comes out of reset with power and gamma settings
/// that give a washed-out picture, so it gets the datasheet's power, VCOM and gamma setup. Panels are
/// wired BGR and mirrored in X, which the MADCTL values account for.
/// </summary>
public sealed class Ili9341Sink : SpiPanelSink
{
    public const int DefaultWidth = 240;
    public const int DefaultHeight = 320;

    public Ili9341Sink(SpiDevice spi, GpioController gpio, SpiPanelOptions options, Action<TimeSpan>? sleep = null)
        : base("spi:ili9341", spi, gpio, options, sleep)
    {
        Initialize();
    }

    /// <summary>Command, parameter count, parameters: the common module setup (ILI9341 datasheet v1.11, §8.2 and §8.4).</summary>
    internal static ReadOnlySpan<byte> PowerSetup =>
    [
        0xCF, 3, 0x00, 0xC1, 0x30, // Power control B
        0xED, 4, 0x64, 0x03, 0x12, 0x81, // Power on sequence control
        0xE8, 3, 0x85, 0x00, 0x78, // Driver timing control A
        0xCB, 5, 0x39, 0x2C, 0x00, 0x34, 0x02, // Power control A: VCORE 1.6 V, DDVDH 5.6 V
        0xF7, 1, 0x20, // Pump ratio control: DDVDH = 2 x VCI
        0xEA, 2, 0x00, 0x00, // Driver timing control B
        0xC0, 1, 0x23, // Power control 1: GVDD 4.60 V
        0xC1, 1, 0x10, // Power control 2: step-up factor
        0xC5, 2, 0x3E, 0x28, // VCOM control 1: VCOMH 4.25 V, VCOML -1.5 V
        0xC7, 1, 0x86, // VCOM control 2: VCOM offset
        0xB1, 2, 0x00, 0x18, // Frame rate control: 79 Hz
        0xB6, 3, 0x08, 0x82, 0x27, // Display function control: 320 lines
        0xF2, 1, 0x00, // 3-gamma function off
        0x26, 1, 0x01, // Gamma curve 1 (2.2)
        0xE0, 15, 0x0F, 0x31, 0x2B, 0x0C, 0x0E, 0x08, 0x4E, 0xF1, 0x37, 0x07, 0x10, 0x03, 0x0E, 0x09, 0x00, // Positive gamma
        0xE1, 15, 0x00, 0x0E, 0x14, 0x03, 0x11, 0x07, 0x31, 0xC1, 0x48, 0x08, 0x0F, 0x0C, 0x31, 0x36, 0x0F, // Negative gamma
    ];

    protected override byte MadctlFor(int rotation) => (byte)(Madctl.Bgr | rotation switch
    {
        90 => Madctl.MV,
        180 => Madctl.MY,
        270 => Madctl.MX | Madctl.MY | Madctl.MV,
        _ => Madctl.MX,
    });

    protected override void SendPowerSetup() => SendCommands(PowerSetup);
}
