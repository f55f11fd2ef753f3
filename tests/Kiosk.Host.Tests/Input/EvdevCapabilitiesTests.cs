using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

/// <summary>The capability check against the real kernel: what is not an event device is never taken for a keyboard.</summary>
public sealed class EvdevCapabilitiesTests
{
    [Fact]
    public void A_key_bitmap_reports_the_keys_whose_bits_are_set()
    {
        var bitmap = new byte[(LinuxInput.KeyMax / 8) + 1];
        bitmap[LinuxInput.KeyPageDown / 8] |= 1 << (LinuxInput.KeyPageDown % 8);

        Assert.True(EvdevCapabilities.ReportsAny(bitmap, [LinuxInput.KeyB, LinuxInput.KeyPageDown]));
        Assert.False(EvdevCapabilities.ReportsAny(bitmap, [LinuxInput.KeyB, LinuxInput.KeyPageUp]));
        Assert.False(EvdevCapabilities.ReportsAny(bitmap, [LinuxInput.KeyMax + 8]));
    }

    [Fact]
    public void Files_that_are_not_event_devices_are_not_keyboards()
    {
        using var dir = new TempDir();
        string file = dir.File("event0");
        File.WriteAllBytes(file, new byte[64]);

        // A regular file and a character device without the evdev ioctls (ENOTTY), and a path that is not there.
        Assert.Null(EvdevCapabilities.KeyboardName(file, new EvdevKeyOptions().MappedCodes));
        Assert.Null(EvdevCapabilities.KeyboardName("/dev/null", new EvdevKeyOptions().MappedCodes));
        Assert.Null(EvdevCapabilities.KeyboardName(dir.File("event1"), new EvdevKeyOptions().MappedCodes));
    }
}
