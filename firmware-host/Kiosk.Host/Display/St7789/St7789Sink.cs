using System.Device.Gpio;
using System.Device.Spi;
using Kiosk.Host.Display.SpiPanels;

namespace Kiosk.Host.Display.St7789;

/// <summary>
/// Sitronix ST7789 (240x240 and 240x320 IPS panels). Its reset defaults suit these panels, so it needs no
/// power setup; IPS glass shows colours inverted unless INVON is sent. The controller RAM is 240x320, so a
/// 240x240 panel needs a 80-pixel offset at 180° (YOffset) and 270° (XOffset).
/// </summary>
public sealed class St7789Sink : SpiPanelSink
{
    public const int DefaultWidth = 240;
    public const int DefaultHeight = 240;

    public St7789Sink(SpiDevice spi, GpioController gpio, SpiPanelOptions options, Action<TimeSpan>? sleep = null)
        : base("spi:st7789", spi, gpio, options, sleep)
    {
        Initialize();
    }

    protected override byte MadctlFor(int rotation) => (byte)(rotation switch
    {
        90 => Madctl.MX | Madctl.MV,
        180 => Madctl.MX | Madctl.MY,
        270 => Madctl.MY | Madctl.MV,
        _ => Madctl.None,
    });

    protected override void SendDisplaySetup() => SendCommand(MipiDcs.InversionOn);
}
