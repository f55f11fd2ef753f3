using Kiosk.SystemTests.Rig;
using SkiaSharp;
using Xunit.Abstractions;

namespace Kiosk.SystemTests;

/// <summary>
/// Issue 14 on the appliance: with no input settings (kiosk-vm.json lists none), a presenter remote plugged in
/// after boot is read at once. The remote is a second QEMU keyboard hot-plugged over QMP (device_add
/// virtio-keyboard-pci, PCI hot plug into the running guest: a new /dev/input/eventN, made by the kernel and
/// given to the input group by udev); the kiosk's journal shows it opened. The keys are sent without a device
/// (input-send-event's <c>device</c> names a display's console, not a keyboard): which keyboard QEMU puts them
/// through is printed, not asserted (see the end of the test). Unplug and replug are tested in-process
/// (tests/Kiosk.Host.Tests/Input/KeyboardsSourceTests.cs).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LectureHallTests(BootedAppliance appliance, ITestOutputHelper output)
{
    private const string Remote = "remote";
    private readonly Vm _vm = appliance.Vm;

    [Fact]
    public void A_keyboard_plugged_in_after_boot_is_read_and_Page_Down_and_B_drive_and_blank_the_glass()
    {
        string firstCase = appliance.FirstCaseId();
        _vm.Qmp.Tap("home");
        Assert.True(appliance.Shows("home", "lecture-0-home").Same, "not on the home screen before the remote");

        string remote = PlugRemote();
        long before = EventInterrupts(remote);
        Step("1", firstCase, "lecture-1-case");
        Step("pgdn", $"{firstCase}/1", "lecture-2-phase1");
        Step("pgdn", $"{firstCase}/2", "lecture-3-phase2");

        _vm.Qmp.Tap("b");
        var black = Glass.WaitUntilShows(_vm, BlackPng(), Figures.Screendump("lecture-4-blank.png"), TimeSpan.FromSeconds(30));
        output.WriteLine($"b -> black: {black}");
        Assert.True(black.Same, $"B did not blank the glass: {black}");

        Step("b", $"{firstCase}/2", "lecture-5-unblank");

        // Not asserted: whether these keys went in through the remote or the boot keyboard. The guest's interrupt
        // count for the remote's event queue stayed 0 in the one run made (TCG, 1 December 00:16), so QEMU may
        // give unrouted keys to the boot keyboard; both are read by the kiosk. Routing keys to the remote needs
        // the display given an id in boot.sh and the remote bound to it (device_add ...,display=ID), then
        // input-send-event with device=ID. Printed so the next run shows which it was.
        output.WriteLine($"{remote}-events interrupts: {before} -> {EventInterrupts(remote)}");
    }

    private string PlugRemote()
    {
        var present = VirtioInputs();
        int connected = Kiosk().Count(") connected");
        _vm.Qmp.Execute("device_add", new Dictionary<string, object> { ["driver"] = "virtio-keyboard-pci", ["id"] = Remote, ["addr"] = "0x6" });
        var waited = _vm.WaitFor("the kiosk to open the plugged-in remote", () => Kiosk().Count(") connected") > connected, TimeSpan.FromMinutes(2));
        output.WriteLine($"remote plugged in: read by the kiosk after {waited.TotalSeconds:F1} s");
        Figures.Add("figures.md", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"presenter remote hot-plugged (device_add virtio-keyboard-pci, TCG): kiosk reading it after {waited.TotalSeconds:F1} s"));
        return Assert.Single(VirtioInputs().Except(present));
    }

    /// <summary>The guest's virtio input devices (virtioN), as its virtio_input driver lists them.</summary>
    private string[] VirtioInputs() =>
        _vm.Root("ls /sys/bus/virtio/drivers/virtio_input | grep '^virtio'").Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Interrupts the guest took for a virtio input device's event queue, summed over the CPUs.</summary>
    private long EventInterrupts(string virtio)
    {
        string line = _vm.Root($"grep ' {virtio}-events' /proc/interrupts").Stdout;
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).TakeWhile(f => f.All(char.IsAsciiDigit)).Sum(long.Parse);
    }

    private void Step(string key, string screen, string name)
    {
        _vm.Qmp.Tap(key);
        var diff = appliance.Shows(screen, name);
        output.WriteLine($"{key} on the remote -> {screen}: {diff}");
        Assert.True(diff.Same, $"after {key} on the remote: {diff}");
    }

    private Journal Kiosk() => Journal.Read(_vm, "-u kiosk");

    /// <summary>A black 1920x1080 picture to compare the blanked glass with.</summary>
    private static string BlackPng()
    {
        string path = Figures.Screendump("lecture-black.expected.png");
        using var bitmap = new SKBitmap(1920, 1080, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.Black);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}
