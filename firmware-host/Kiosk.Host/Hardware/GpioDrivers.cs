using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Kiosk.Host.Hardware;

/// <summary>
/// Opens the GPIO chip with whichever driver this system supports. <c>new GpioController()</c> picks for us but
/// throws when libgpiod v2 (libgpiod.so.3) is absent, as on Raspberry Pi OS bookworm, which ships v1.6
/// (libgpiod.so.2); so the drivers are tried in turn: libgpiod v2, libgpiod v1, then the kernel's sysfs.
/// </summary>
public static class GpioDrivers
{
    public static GpioDriver ForChip(int chip = 0)
    {
        var tried = new List<string>();
        foreach (var (name, create) in Candidates(chip))
        {
            try
            {
                return create();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                tried.Add($"{name}: {ex.GetBaseException().Message}");
            }
        }

        throw new InvalidOperationException(
            $"no GPIO driver could open gpiochip{chip} ({string.Join("; ", tried)}). Install libgpiod2 (deploy/install.sh does) and run as a member of the gpio group.");
    }

    private static IEnumerable<(string Name, Func<GpioDriver> Create)> Candidates(int chip)
    {
        yield return ("libgpiod v2", () => new LibGpiodV2Driver(chip));
        yield return ("libgpiod v1", () => new LibGpiodDriver(chip));
        yield return ("sysfs", () => new SysFsDriver());
    }
}
