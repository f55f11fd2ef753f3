using System.Device.Gpio;

namespace Kiosk.Host.Hardware;

/// <summary>
/// The one way the kiosk reaches GPIO: buttons and SPI panels (DC, reset, backlight) both open their controller
/// here. Registered once in the host, so a test that hands in a fake <see cref="GpioDriver"/> drives every pin.
/// </summary>
public sealed class GpioControllerFactory(Func<GpioDriver> createDriver)
{
    /// <summary>The Raspberry Pi header's chip, with whichever driver the system supports.</summary>
    public static GpioControllerFactory ForRaspberryPi() => new(() => GpioDrivers.ForChip(0));

    public GpioController Open() => new(createDriver());
}
